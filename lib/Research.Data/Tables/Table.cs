using Research.Data.Schema;

namespace Research.Data.Tables;

/// <summary>A typed, columnar table read from one resource of an extract.</summary>
public sealed class Table
{
    private readonly Dictionary<string, Column> _byName;

    // For a table holding some of a file's rows (one municipality's): each row's 0-based position in the file.
    private readonly int[]? _fileRows;

    internal Table(TableResource resource, string file, int rowCount, IReadOnlyList<Column> columns, int[]? fileRows = null)
    {
        Resource = resource;
        File = file;
        RowCount = rowCount;
        Columns = columns;
        _fileRows = fileRows;
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
    public int FileRowNumber(int row)
    {
        var position = _fileRows is { } positions ? positions[row] : row;
        return Resource.Format == TableFormat.Csv ? position + 2 : position + 1;
    }

    /// <summary>Each row's 0-based position in the file it was read from.</summary>
    internal int FilePosition(int row) => _fileRows is { } positions ? positions[row] : row;

    /// <summary>
    /// The rows <paramref name="rows"/> (0-based, in that order) as a new table that still knows each row's place in the
    /// file; text levels are numbered in order of first appearance among those rows, as reading only them would.
    /// </summary>
    internal Table Take(int[] rows)
    {
        var positions = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            positions[i] = FilePosition(rows[i]);
        }

        return new Table(Resource, File, rows.Length, Columns.Select(c => c.Take(rows)).ToList(), positions);
    }

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
