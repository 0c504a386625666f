namespace Research.Data.Schema;

/// <summary>
/// The CSV dialect of a resource (Frictionless CSV Dialect). Dutch Excel exports use <c>;</c> with decimal commas:
/// both are declared here and on number fields, never inferred from the machine's culture.
/// </summary>
public sealed record CsvDialect
{
    /// <summary>The comma-separated default.</summary>
    public static CsvDialect Default { get; } = new();

    /// <summary>Field delimiter.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Quote character.</summary>
    public char QuoteChar { get; init; } = '"';

    /// <summary>Whether the first record is a header (the extracts always have one).</summary>
    public bool Header { get; init; } = true;
}
