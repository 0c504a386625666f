namespace Research.Analysis.Results;

/// <summary>
/// A named table of results with declared columns and the footnotes a published table needs (e.g. which disclosure
/// rules withheld cells). Every label and value of every row belongs to a declared column.
/// </summary>
/// <param name="Name">Stable identifier, e.g. <c>itt</c>.</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Columns">The columns, labels first, in display order.</param>
/// <param name="Rows">The rows; keys are unique.</param>
/// <param name="Footnotes">Notes to print under the table.</param>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<ResultRow> Rows, IReadOnlyList<string> Footnotes)
{
    /// <summary>The row with key <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public ResultRow this[string key] => Rows.FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"table {Name} has no row '{key}'");

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the columns there are.</exception>
    public ResultColumn Column(string name) => Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"table {Name} has no column '{name}'; its columns are {string.Join(", ", Columns.Select(c => c.Name))}");

    /// <summary>The columns of <paramref name="kind"/>.</summary>
    public IEnumerable<ResultColumn> ColumnsOf(ColumnKind kind) => Columns.Where(c => c.Kind == kind);

    /// <summary>Checks that columns are unique, bases are count columns, and every row uses declared columns only.</summary>
    /// <exception cref="InvalidDataException">The first problem found, naming table, row and column.</exception>
    public ResultTable Validated()
    {
        // Column name → whether it is a label column; a table's rows name thousands of cells, checked against it.
        var declared = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (!declared.TryAdd(column.Name, column.IsLabel))
            {
                throw new InvalidDataException($"table {Name}: column '{column.Name}' is declared twice");
            }
        }

        foreach (var column in Columns.Where(c => c.Base is not null))
        {
            if (Columns.FirstOrDefault(c => c.Name == column.Base) is not { Kind: ColumnKind.Count })
            {
                throw new InvalidDataException($"table {Name}: the base of column '{column.Name}' must be a count column of the table; '{column.Base}' is not");
            }
        }

        foreach (var column in Columns.Where(c => c.Describes is not null))
        {
            if (Columns.FirstOrDefault(c => c.Name == column.Describes) is not { Kind: ColumnKind.Share or ColumnKind.Amount })
            {
                throw new InvalidDataException($"table {Name}: column '{column.Name}' describes '{column.Describes}', which is not a share or amount column of the table");
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            if (!keys.Add(row.Key))
            {
                throw new InvalidDataException($"table {Name}: row key '{row.Key}' appears twice");
            }

            foreach (var name in row.Labels.Keys.Where(n => !IsColumn(declared, n, label: true)))
            {
                throw new InvalidDataException($"table {Name}, row {row.Key}: label '{name}' is not a declared label column");
            }

            foreach (var name in row.Values.Keys.Concat(row.Disclosure.Keys).Where(n => !IsColumn(declared, n, label: false)))
            {
                throw new InvalidDataException($"table {Name}, row {row.Key}: value '{name}' is not a declared value column");
            }
        }

        return this;
    }

    private static bool IsColumn(Dictionary<string, bool> declared, string name, bool label) => declared.TryGetValue(name, out var isLabel) && isLabel == label;
}
