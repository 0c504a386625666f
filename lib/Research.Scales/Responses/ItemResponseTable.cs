namespace Research.Scales.Responses;

/// <summary>An in-memory <see cref="IItemResponses"/>: a set of equally long item columns.</summary>
public sealed class ItemResponseTable : IItemResponses
{
    private readonly Dictionary<string, ItemColumn> columns = new(StringComparer.Ordinal);

    /// <summary>Creates an empty table of <paramref name="rowCount"/> rows.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="rowLabels">Optional label per row for problem reports.</param>
    /// <exception cref="ArgumentException">The labels do not match the row count.</exception>
    public ItemResponseTable(int rowCount, IReadOnlyList<string>? rowLabels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (rowLabels is not null && rowLabels.Count != rowCount)
        {
            throw new ArgumentException($"{rowLabels.Count} row labels for {rowCount} rows.", nameof(rowLabels));
        }

        RowCount = rowCount;
        RowLabels = rowLabels;
    }

    /// <inheritdoc />
    public int RowCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<string>? RowLabels { get; }

    /// <summary>The column names added so far.</summary>
    public IEnumerable<string> ColumnNames => columns.Keys;

    /// <summary>Adds a column.</summary>
    /// <exception cref="ArgumentException">Wrong length or duplicate name.</exception>
    public ItemResponseTable Add(ItemColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Count != RowCount)
        {
            throw new ArgumentException($"Column {column.Name} has {column.Count} rows; the table has {RowCount}.", nameof(column));
        }

        if (!columns.TryAdd(column.Name, column))
        {
            throw new ArgumentException($"Column {column.Name} was already added.", nameof(column));
        }

        return this;
    }

    /// <summary>Adds a column from raw answers and optional matched missing codes.</summary>
    public ItemResponseTable Add(string name, int?[] values, int?[]? missingCodes = null) =>
        Add(new ItemColumn(name, values, missingCodes));

    /// <inheritdoc />
    public bool TryGetColumn(string column, out ItemColumn? items) => columns.TryGetValue(column, out items);
}
