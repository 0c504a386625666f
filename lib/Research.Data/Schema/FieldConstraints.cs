namespace Research.Data.Schema;

/// <summary>The constraints of a Table Schema field. Bounds are kept as text and parsed with the field's own type.</summary>
public sealed record FieldConstraints
{
    /// <summary>A value must be present (not one of the missing values).</summary>
    public bool Required { get; init; }

    /// <summary>Values must be unique within the column.</summary>
    public bool Unique { get; init; }

    /// <summary>Inclusive lower bound, in the field's lexical form.</summary>
    public string? Minimum { get; init; }

    /// <summary>Inclusive upper bound, in the field's lexical form.</summary>
    public string? Maximum { get; init; }

    /// <summary>The allowed values, in lexical form.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>A regular expression the whole lexical value must match.</summary>
    public string? Pattern { get; init; }
}
