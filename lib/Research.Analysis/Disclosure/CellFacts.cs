namespace Research.Analysis.Disclosure;

/// <summary>What disclosure control knows about one row of a draft table beyond its numbers.</summary>
public sealed class CellFacts
{
    /// <summary>Per exact count column, the population it counts.</summary>
    public Dictionary<string, Population> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Per share column, the populations in and out of the status.</summary>
    public Dictionary<string, (Population In, Population Out)> Shares { get; } = new(StringComparer.Ordinal);

    /// <summary>Per share column, its group of shares connected by effects.</summary>
    public Dictionary<string, ShareLink> ShareLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Per amount column, its magnitude for the dominance rule.</summary>
    public Dictionary<string, Magnitude> Magnitudes { get; } = new(StringComparer.Ordinal);

    /// <summary>The link the row's effect estimate makes between two shares, if any.</summary>
    public EffectLink? Effect { get; set; }

    /// <summary>The sizes of the groups the row's model estimates rest on (arm and control, say); empty when none.</summary>
    public IReadOnlyList<int> Support { get; set; } = [];
}
