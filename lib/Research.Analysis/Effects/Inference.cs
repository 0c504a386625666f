using Research.Statistics.Equivalence;

namespace Research.Analysis.Effects;

/// <summary>What one inference method says about one effect: its uncertainty, interval and test.</summary>
/// <param name="Method">The method.</param>
/// <param name="StandardError">The standard error; null for methods without one (randomisation inference).</param>
/// <param name="CiLow">Lower limit of the 95% confidence interval.</param>
/// <param name="CiHigh">Upper limit.</param>
/// <param name="PValue">Two-sided p-value of no effect.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference; null for methods without one, +∞ for a normal reference.</param>
public sealed record Inference(InferenceMethod Method, double? StandardError, double CiLow, double CiHigh, double PValue, double? DegreesOfFreedom)
{
    /// <summary>The p-value adjusted for multiplicity within its family (see the section's notes); null until adjusted.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>The effect against the smallest effect of policy interest (two one-sided tests and the test of no effect); null where not assessed.</summary>
    public EquivalenceConclusion? Equivalence { get; init; }

    /// <summary>
    /// True when the clustered interval was narrower than the HC2 interval, so the HC2 result is shown instead: clustering
    /// never narrows a published interval (<c>docs/inference.md</c>), and the table flags the row.
    /// </summary>
    public bool ClusteredNarrowerThanRobust { get; init; }

    /// <summary>Whether the interval contains <paramref name="value"/>.</summary>
    public bool Covers(double value) => value >= CiLow && value <= CiHigh;
}
