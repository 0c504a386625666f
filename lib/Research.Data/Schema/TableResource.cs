namespace Research.Data.Schema;

/// <summary>The on-disk format of a tabular resource.</summary>
public enum TableFormat
{
    /// <summary>Delimited text, UTF-8 with or without a byte-order mark.</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}

/// <summary>One tabular resource of a data package: where the file is, how it is encoded and its schema.</summary>
public sealed record TableResource
{
    /// <summary>Resource name, e.g. <c>participants</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Path of the data file relative to the package directory.</summary>
    public required string Path { get; init; }

    /// <summary>Human-readable title.</summary>
    public string? Title { get; init; }

    /// <summary>Human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>File format.</summary>
    public TableFormat Format { get; init; } = TableFormat.Csv;

    /// <summary>CSV dialect (ignored for Parquet).</summary>
    public CsvDialect Dialect { get; init; } = CsvDialect.Default;

    /// <summary>The table schema.</summary>
    public required TableSchema Schema { get; init; }
}
