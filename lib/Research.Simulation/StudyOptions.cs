using Research.Analysis.Inference;
using Research.Analysis.Outcomes;

namespace Research.Simulation;

/// <summary>What the coverage-and-size study runs.</summary>
public sealed record StudyOptions
{
    /// <summary>Replications per world (each draws all six experiments anew).</summary>
    public int Replications { get; init; } = 500;

    /// <summary>Replication r of either world uses generator seed <c>Seed + r</c>.</summary>
    public ulong Seed { get; init; } = 20_261_130;

    /// <summary>The methods compared.</summary>
    public IReadOnlyList<InferenceMethod> Methods { get; init; } = Enum.GetValues<InferenceMethod>();

    /// <summary>The register outcomes at the primary horizon; the first is the primary outcome (the multiplicity family).</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [Outcome.FullOutflow, Outcome.PartialOrFullOutflow];

    /// <summary>
    /// The estimator settings. The study uses fewer resampling draws than the reports (399 bootstrap and 199
    /// randomisation draws instead of 9,999): a randomisation p-value (1 + #)/(1 + B) is exactly valid for any B, and
    /// with α(B + 1) an integer the bootstrap test's size is not distorted by the number of draws (Davidson &amp;
    /// MacKinnon 2000); fewer draws only add noise to each p-value and interval limit, which the replications average.
    /// Randomisation inference refits both arms' regressions for every draw, so its draws are the study's largest cost.
    /// </summary>
    public EffectOptions Estimator { get; init; } = EffectOptions.Default with { BootstrapDraws = 399, RandomisationDraws = 199, IncludeUnadjusted = false };

    /// <summary>Whether to run the wellbeing-index attrition study.</summary>
    public bool Wellbeing { get; init; } = true;

    /// <summary>The sandwich method of the wellbeing estimates (weights need one).</summary>
    public InferenceMethod WellbeingMethod { get; init; } = InferenceMethod.Cr2;

    /// <summary>Only these municipalities (null: all six).</summary>
    public IReadOnlyList<string>? Sites { get; init; }

    /// <summary>Replications run at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
