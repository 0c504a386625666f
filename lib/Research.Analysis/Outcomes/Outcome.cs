namespace Research.Analysis.Outcomes;

/// <summary>
/// A monthly register outcome. The first four are statuses (0/1 per month, thresholds in
/// <see cref="OutcomeDefinitions"/>); <see cref="Earnings"/>, <see cref="Hours"/> and <see cref="BenefitAmount"/> are amounts.
/// </summary>
public enum Outcome
{
    /// <summary>Full outflow: off benefit and more than <see cref="OutcomeDefinitions.FullTimeHours"/> contractual hours a week.</summary>
    FullOutflow,

    /// <summary>Partial plus full outflow: more than <see cref="OutcomeDefinitions.PartialHours"/> contractual hours a week, or full outflow.</summary>
    PartialOrFullOutflow,

    /// <summary>Benefit independence: no social assistance received in the month.</summary>
    BenefitIndependence,

    /// <summary>Gross monthly earnings from employment, euros.</summary>
    Earnings,

    /// <summary>Contractual working hours a week.</summary>
    Hours,

    /// <summary>Earnings-based outflow: off benefit with monthly earnings of at least <see cref="OutcomeDefinitions.EarningsThreshold"/>.</summary>
    EarningsOutflow,

    /// <summary>Social-assistance benefit paid in the month, euros.</summary>
    BenefitAmount,
}
