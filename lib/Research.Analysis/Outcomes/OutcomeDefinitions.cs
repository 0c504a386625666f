using System.Globalization;

namespace Research.Analysis.Outcomes;

/// <summary>
/// Thresholds and windows that turn register months into outcomes. The defaults are the CPB definitions of the
/// Participatiewet experiments: full outflow is off benefit with more than 27 contractual hours a week, partial plus full
/// outflow is more than 12 hours a week; both thresholds are strict, so exactly 12 or 27 hours is not outflow.
/// </summary>
public sealed record OutcomeDefinitions
{
    /// <summary>The CPB definitions.</summary>
    public static OutcomeDefinitions Cpb { get; } = new();

    /// <summary>Weekly contractual hours that must be exceeded (strictly) for full outflow. Default 27.</summary>
    public double FullTimeHours { get; init; } = 27;

    /// <summary>Weekly contractual hours that must be exceeded (strictly) for partial outflow. Default 12.</summary>
    public double PartialHours { get; init; } = 12;

    /// <summary>Whether full outflow also requires being off benefit (default <see langword="true"/>, as CPB).</summary>
    public bool FullOutflowRequiresOffBenefit { get; init; } = true;

    /// <summary>
    /// Whether partial outflow also requires being off benefit. Default <see langword="false"/>: working more than 12 hours
    /// while the benefit tops up the income counts, as in CPB's "partial plus full outflow".
    /// </summary>
    public bool PartialOutflowRequiresOffBenefit { get; init; }

    /// <summary>
    /// Monthly gross earnings that earnings-based outflow requires besides being off benefit. Default €1,105: 70% of
    /// the 2018 statutory minimum wage (€1,578 a month for a full-time adult), the municipal (LOEP) definition of leaving
    /// benefit through work.
    /// </summary>
    public double EarningsThreshold { get; init; } = 1105;

    /// <summary>Months before the randomisation month every person's register must cover (for baseline values and pre-trends). Default 12.</summary>
    public int MonthsBefore { get; init; } = 12;

    /// <summary>
    /// Declares that register months may be missing. By default a gap between −<see cref="MonthsBefore"/> and a person's
    /// last register month fails the build, naming the person and month. With gaps allowed the panel is built, the months
    /// are unobserved, and each measure that needs one fails for (or, if the caller chooses, excludes) that person;
    /// time to first outflow is censored at the last month before the gap.
    /// </summary>
    public bool AllowGaps { get; init; }

    /// <summary>Checks the definitions are usable.</summary>
    /// <exception cref="ArgumentException">A threshold is negative or not finite, partial exceeds full time, or <see cref="MonthsBefore"/> is negative.</exception>
    public void Validate()
    {
        if (!double.IsFinite(FullTimeHours) || !double.IsFinite(PartialHours) || PartialHours < 0 || PartialHours > FullTimeHours)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"outcome thresholds must satisfy 0 <= PartialHours <= FullTimeHours (finite); got PartialHours = {PartialHours}, FullTimeHours = {FullTimeHours}"));
        }

        if (MonthsBefore < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MonthsBefore must be >= 0; got {MonthsBefore}"));
        }
    }
}
