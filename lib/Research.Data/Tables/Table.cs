using Research.Data.Schema;

namespace Research.Data.Tables;

/// <summary>A typed, columnar table read from one resource of an extract.</summary>
public sealed class Table
{
    private readonly Dictionary<string, Column> _byName;

    internal Table(TableResource resource, string file, int rowCount, IReadOnlyList<Column> columns)
    {
        Resource = resource;
        File = file;
        RowCount = rowCount;
        Columns = columns;
        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The resource the table was read for.</summary>
    public TableResource Resource { get; }

    /// <summary>The resource name, e.g. <c>register_months</c>.</summary>
    public string Name => Resource.Name;

    /// <summary>The file the rows came from.</summary>
    public string File { get; }

    /// <summary>The number of data rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns in schema order.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>
    /// The row number a person sees in the file for the 0-based <paramref name="row"/>: for CSV the header is row 1,
    /// so data row 0 is row 2; for Parquet rows count from 1.
    /// </summary>
    public int FileRowNumber(int row) => Resource.Format == TableFormat.Csv ? row + 2 : row + 1;

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public Column this[string name] =>
        _byName.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"{Name} has no column '{name}'");

    /// <summary>A text column.</summary>
    public StringColumn Strings(string name) => As<StringColumn>(name, FieldType.String);

    /// <summary>An integer column.</summary>
    public ValueColumn<long> Integers(string name) => As<ValueColumn<long>>(name, FieldType.Integer);

    /// <summary>A number column.</summary>
    public ValueColumn<double> Numbers(string name) => As<ValueColumn<double>>(name, FieldType.Number);

    /// <summary>A boolean column.</summary>
    public ValueColumn<bool> Booleans(string name) => As<ValueColumn<bool>>(name, FieldType.Boolean);

    /// <summary>A date column.</summary>
    public ValueColumn<DateOnly> Dates(string name) => As<ValueColumn<DateOnly>>(name, FieldType.Date);

    /// <summary>A year-month column.</summary>
    public ValueColumn<YearMonth> YearMonths(string name) => As<ValueColumn<YearMonth>>(name, FieldType.YearMonth);

    private T As<T>(string name, FieldType expected)
        where T : Column
    {
        var column = this[name];
        return column as T
            ?? throw new InvalidOperationException($"{Name}.{name} is a {column.Field.Type.ToString().ToLowerInvariant()} column, not {expected.ToString().ToLowerInvariant()}");
    }
}
