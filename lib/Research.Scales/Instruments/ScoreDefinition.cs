namespace Research.Scales.Instruments;

/// <summary>One score of an instrument (total or subscale): which items, how aggregated, missing rule, bands.</summary>
public sealed class ScoreDefinition
{
    /// <summary>Creates a score definition; <see cref="InstrumentReader"/> checks consistency.</summary>
    public ScoreDefinition(
        string id,
        string? name,
        string? subscale,
        IReadOnlyList<InstrumentItem> items,
        Aggregation aggregation,
        LinearTransform transform,
        MissingRule missing,
        Basis basis,
        IReadOnlyList<BandScheme> bandSchemes,
        string? higherMeans)
    {
        Id = id;
        Name = name;
        Subscale = subscale;
        Items = items;
        Aggregation = aggregation;
        Transform = transform;
        Missing = missing;
        Basis = basis;
        BandSchemes = bandSchemes;
        HigherMeans = higherMeans;
    }

    /// <summary>Identifier, unique within the instrument.</summary>
    public string Id { get; }

    /// <summary>Descriptive name.</summary>
    public string? Name { get; }

    /// <summary>The subscale scored, or null for all items.</summary>
    public string? Subscale { get; }

    /// <summary>The items that enter the score, in declaration order.</summary>
    public IReadOnlyList<InstrumentItem> Items { get; }

    /// <summary>Sum or mean of the scored item values.</summary>
    public Aggregation Aggregation { get; }

    /// <summary>Linear transform applied to the aggregate.</summary>
    public LinearTransform Transform { get; }

    /// <summary>The missing-item rule.</summary>
    public MissingRule Missing { get; }

    /// <summary>Source of the scoring rule.</summary>
    public Basis Basis { get; }

    /// <summary>Interpretation band schemes; the first one is the default <c>Band</c> of a result.</summary>
    public IReadOnlyList<BandScheme> BandSchemes { get; }

    /// <summary>What a higher score means, e.g. "more distress".</summary>
    public string? HigherMeans { get; }
}
