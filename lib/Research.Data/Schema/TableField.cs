namespace Research.Data.Schema;

/// <summary>One field (column) of a Table Schema.</summary>
public sealed record TableField
{
    /// <summary>The column name, matched exactly against the file header.</summary>
    public required string Name { get; init; }

    /// <summary>The logical type values are parsed into.</summary>
    public required FieldType Type { get; init; }

    /// <summary>Human-readable description, used by the codebook.</summary>
    public string? Description { get; init; }

    /// <summary>Value constraints checked during validation.</summary>
    public FieldConstraints Constraints { get; init; } = new();

    /// <summary>Tokens meaning "missing" for this field; <see langword="null"/> means the schema-level list applies.</summary>
    public IReadOnlyList<string>? MissingValues { get; init; }

    /// <summary>Decimal separator of a number field (Frictionless <c>decimalChar</c>).</summary>
    public char DecimalChar { get; init; } = '.';

    /// <summary>Digit-group separator of a number or integer field (Frictionless <c>groupChar</c>), if any.</summary>
    public char? GroupChar { get; init; }

    /// <summary>Lexical forms of <see langword="true"/> for a boolean field.</summary>
    public IReadOnlyList<string> TrueValues { get; init; } = ["true", "True", "TRUE", "1"];

    /// <summary>Lexical forms of <see langword="false"/> for a boolean field.</summary>
    public IReadOnlyList<string> FalseValues { get; init; } = ["false", "False", "FALSE", "0"];
}
