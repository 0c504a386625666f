using Research.Analysis.Results;

namespace Research.Analysis.Disclosure;

/// <summary>A table before disclosure control: exact numbers, and per row the facts the rules need.</summary>
/// <param name="Table">The unprotected table.</param>
/// <param name="Facts">Per row (same order), the facts.</param>
/// <param name="Roles">Per column, how disclosure control treats it beyond its kind.</param>
public sealed record DraftTable(ResultTable Table, IReadOnlyList<CellFacts> Facts, IReadOnlyDictionary<string, ColumnRole> Roles)
{
    /// <summary>A draft of a table without facts: only the per-cell rules apply.</summary>
    public static DraftTable Of(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new DraftTable(table, table.Rows.Select(_ => new CellFacts()).ToList(), new Dictionary<string, ColumnRole>(StringComparer.Ordinal));
    }

    /// <summary>The role of <paramref name="column"/>.</summary>
    public ColumnRole Role(string column) => Roles.GetValueOrDefault(column, ColumnRole.Plain);
}
