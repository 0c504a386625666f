using System.Globalization;
using Research.Analysis.Results;

namespace Research.Analysis.Disclosure;

/// <summary>
/// Statistical disclosure control for published tables, in the style of CBS remote access: no number may rest on fewer
/// than <see cref="MinimumCount"/> persons. A row whose count (<c>n</c>, or any value named <c>n_…</c>) is below the
/// minimum has all its numbers withheld, and the table gets a footnote saying so. When exactly one row of a group is
/// withheld, the next smallest row of that group is withheld too, so the withheld count cannot be recovered from a
/// published total.
/// </summary>
public sealed class DisclosureControl
{
    /// <summary>The CBS minimum cell size.</summary>
    public const int CbsMinimumCount = 10;

    /// <summary>Creates the control with <paramref name="minimumCount"/> persons per cell.</summary>
    public DisclosureControl(int minimumCount = CbsMinimumCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        MinimumCount = minimumCount;
    }

    /// <summary>The smallest number of persons a published number may rest on.</summary>
    public int MinimumCount { get; }

    /// <summary>The footnote added to a table with withheld cells.</summary>
    public string Footnote => string.Create(CultureInfo.InvariantCulture,
        $"Cells based on fewer than {MinimumCount} persons are withheld (shown as –), as are complementary cells that would reveal them (statistical disclosure control).");

    /// <summary>
    /// The table with small cells withheld. <paramref name="groupOf"/> names the group of each row for complementary
    /// suppression (rows whose counts add up to a published total); without it only primary suppression applies.
    /// </summary>
    public ResultTable Apply(ResultTable table, Func<ResultRow, string>? groupOf = null)
    {
        var withheld = table.Rows.Select(IsSmall).ToArray();
        var groups = groupOf is null ? [] : table.Rows.Select((row, i) => (row, i)).GroupBy(x => groupOf(x.row));
        foreach (var group in groups)
        {
            var members = group.ToList();
            if (members.Count(m => withheld[m.i]) == 1 && members.Count > 1)
            {
                var next = members.Where(m => !withheld[m.i]).OrderBy(m => Count(m.row) ?? double.MaxValue).First();
                withheld[next.i] = true;
            }
        }

        if (!withheld.Any(w => w))
        {
            return table;
        }

        var rows = table.Rows.Select((row, i) => withheld[i]
            ? row with { Values = row.Values.ToDictionary(v => v.Key, _ => (double?)null) }
            : row).ToList();
        return table with { Rows = rows, Footnotes = [.. table.Footnotes, Footnote] };
    }

    /// <summary>Whether a count of <paramref name="persons"/> may be published.</summary>
    public bool MayPublish(double persons) => persons >= MinimumCount;

    private bool IsSmall(ResultRow row) => row.Values.Any(v => IsCount(v.Key) && v.Value is { } n && !MayPublish(n));

    private static double? Count(ResultRow row) => row.Values.Where(v => IsCount(v.Key)).Select(v => v.Value).Min();

    private static bool IsCount(string name) => name == ResultValue.N || name.StartsWith("n_", StringComparison.Ordinal);
}
