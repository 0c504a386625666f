namespace Research.Analysis.Results;

/// <summary>A named table of results, with the footnotes a published table needs (e.g. suppressed cells).</summary>
/// <param name="Name">Stable identifier, e.g. <c>itt</c>.</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Rows">The rows; keys are unique.</param>
/// <param name="Footnotes">Notes to print under the table.</param>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<ResultRow> Rows, IReadOnlyList<string> Footnotes)
{
    /// <summary>The row with key <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public ResultRow this[string key] => Rows.FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"table {Name} has no row '{key}'");
}
