using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>How many of an arm (or of all arms) left the benefit by the main horizon, and how many of them were back on it within six months.</summary>
/// <param name="Arm">The arm; null for all arms together.</param>
/// <param name="Left">Persons with a first month off benefit in months 1 to the main horizon, observed for six months after it.</param>
/// <param name="Returned">Of them, those on benefit again within the six months.</param>
public sealed record BenefitReturn(ExperimentArm? Arm, int Left, int Returned)
{
    /// <summary>The share back on benefit; null when nobody left.</summary>
    public double? Share => Left > 0 ? (double)Returned / Left : null;

    /// <summary>The Wilson 95% interval of the share; null when nobody left.</summary>
    public (double Lower, double Upper)? Interval => Share is { } s ? Descriptive.Wilson(s, Left) : null;
}
