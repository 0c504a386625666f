using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Analysis.Reports;

/// <summary>
/// Builds the published tables of a report: every table passes the CBS-style disclosure control before anyone sees it,
/// so no section can publish a number resting on fewer than ten persons by forgetting to.
/// </summary>
internal static class Publication
{
    private static readonly DisclosureControl Control = new();

    /// <summary>The minimum number of persons behind a published number.</summary>
    public static int MinimumCount => Control.MinimumCount;

    /// <summary>The disclosure-controlled table; <paramref name="groupOf"/> names rows whose counts add up to a total.</summary>
    public static ResultTable Table(string name, string title, IEnumerable<ResultRow> rows, IEnumerable<string> footnotes, Func<ResultRow, string>? groupOf = null) =>
        Control.Apply(new ResultTable(name, title, rows.ToList(), footnotes.ToList()), groupOf);

    /// <summary>A row from label and value pairs.</summary>
    public static ResultRow Row(string key, IEnumerable<(string Name, string Value)> labels, IEnumerable<(string Name, double? Value)> values) =>
        new(key, labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal), values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    /// <summary>
    /// A share of <paramref name="persons"/> that may be published on its own: null when fewer than the minimum are in
    /// the status or out of it, since share × persons would reveal that small count.
    /// </summary>
    public static double? Share(double share, int persons)
    {
        var inStatus = (int)Math.Round(share * persons);
        return MayPublish(inStatus) && MayPublish(persons - inStatus) ? share : null;
    }

    /// <summary>The footnote of tables whose shares are withheld cell by cell.</summary>
    public static string ShareFootnote => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"A share is withheld (–) when fewer than {MinimumCount} persons are in the status or out of it.");

    /// <summary>Whether a count of persons may be shown (in a chart, say).</summary>
    public static bool MayPublish(int persons) => Control.MayPublish(persons);
}
