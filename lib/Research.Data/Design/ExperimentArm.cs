namespace Research.Data.Design;

/// <summary>One arm of an experiment.</summary>
public sealed record ExperimentArm
{
    /// <summary>The code the participants table's <c>arm</c> column holds.</summary>
    public required string Code { get; init; }

    /// <summary>The Dutch name used by the municipality.</summary>
    public required string NameNl { get; init; }

    /// <summary>An English name.</summary>
    public required string NameEn { get; init; }

    /// <summary>What the arm changed; empty for the control arm.</summary>
    public required IReadOnlyList<InterventionType> Interventions { get; init; }

    /// <summary>What the arm changed, in words.</summary>
    public required string Description { get; init; }

    /// <summary>Whether participants chose the component themselves (assignment to the arm was still random).</summary>
    public bool ComponentSelfChosen { get; init; }

    /// <summary>Whether the arm paid a bonus for full-time work (Tilburg).</summary>
    public bool FullTimeBonus { get; init; }

    /// <summary>Whether this is the control (regular regime) arm.</summary>
    public bool IsControl => Interventions.Count == 0;

    /// <summary>
    /// The intervention type the synthesis groups this arm under: the single component, <c>combination</c> for several,
    /// <c>choice</c> for a self-chosen component, <c>control</c> for none.
    /// </summary>
    public string TypeLabel => Interventions.Count switch
    {
        0 => "control",
        1 => Interventions[0] switch
        {
            InterventionType.Exemption => "exemption",
            InterventionType.Intensification => "intensification",
            InterventionType.EarningsDisregard => "earnings_disregard",
            _ => "choice",
        },
        _ => "combination",
    };
}
