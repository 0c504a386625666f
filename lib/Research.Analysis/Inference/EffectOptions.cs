using Research.Statistics.Bootstrap;

namespace Research.Analysis.Inference;

/// <summary>
/// How <see cref="EffectEstimator"/> estimates and tests. The defaults are the reports' pre-specified choices:
/// the inference method chosen by the coverage-and-size study (<c>docs/inference.md</c>), 95% intervals and a smallest
/// effect of policy interest of 3 percentage points.
/// </summary>
public sealed record EffectOptions
{
    /// <summary>The reports' settings.</summary>
    public static EffectOptions Default { get; } = new();

    /// <summary>The inference method (default: the one the coverage study chose).</summary>
    public InferenceMethod Method { get; init; } = InferenceMethod.Cr2;

    /// <summary>Level of the confidence intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// The smallest effect of policy interest δ, on the outcome's scale: effects within ±δ are too small to matter, and
    /// an interval inside (−δ, δ) shows equivalence (two one-sided tests). For a share, 0.03 is 3 percentage points: a
    /// third of CPB's largest published effect (+9 pp) and about a quarter of the control share of working more than 12
    /// hours, so an intervention below it would not be worth its caseworker time. A notebook parameter overrides it.
    /// </summary>
    public double SmallestEffectOfInterest { get; init; } = 0.03;

    /// <summary>Multiplier distribution of the wild cluster bootstrap (Webb: recommended with fewer than 12 clusters).</summary>
    public WildWeights BootstrapWeights { get; init; } = WildWeights.Webb;

    /// <summary>Draws of the wild cluster bootstrap.</summary>
    public int BootstrapDraws { get; init; } = 9999;

    /// <summary>Re-randomisations of randomisation inference.</summary>
    public int RandomisationDraws { get; init; } = 9999;

    /// <summary>Seed of the bootstrap and randomisation draws (arm k uses <c>Seed + k</c>).</summary>
    public int Seed { get; init; } = 20_261_130;

    /// <summary>Whether to add the unadjusted difference in means as a robustness estimate (the coverage study leaves it out).</summary>
    public bool IncludeUnadjusted { get; init; } = true;

    /// <summary>Throws for settings out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level outside (0.5, 1), a non-positive margin or draw count, an unknown method.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Method) || !Enum.IsDefined(BootstrapWeights))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "unknown inference method or bootstrap weights");
        }

        if (!(ConfidenceLevel > 0.5 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "the confidence level must lie in (0.5, 1)");
        }

        if (!(SmallestEffectOfInterest > 0 && double.IsFinite(SmallestEffectOfInterest)))
        {
            throw new ArgumentOutOfRangeException(nameof(SmallestEffectOfInterest), SmallestEffectOfInterest, "the smallest effect of interest must be positive");
        }

        if (BootstrapDraws < 1 || RandomisationDraws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapDraws), "the numbers of draws must be positive");
        }
    }
}
