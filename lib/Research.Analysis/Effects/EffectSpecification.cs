using SharedOptions = Research.Analysis.Inference.EffectOptions;

namespace Research.Analysis.Effects;

/// <summary>
/// How a report estimates effects: the adjustment and the inference methods it reports, and which method the
/// report's text and charts rely on.
/// </summary>
/// <param name="Adjustment">The covariate adjustment.</param>
/// <param name="Methods">The inference methods computed for every effect.</param>
/// <param name="Primary">The method the summary and the charts use; one of <paramref name="Methods"/>.</param>
public sealed record EffectSpecification(Adjustment Adjustment, IReadOnlyList<InferenceMethod> Methods, InferenceMethod Primary)
{
    /// <summary>
    /// The reports' specification (<c>docs/inference.md</c>): Lin's adjustment for the prognostic set, HC2 and the
    /// primary method CR2 never narrower than HC2.
    /// </summary>
    public static EffectSpecification Default { get; } = new(Adjustment.Prognostic, [InferenceMethod.HC2, InferenceMethod.ClusteredAtLeastRobust], InferenceMethod.ClusteredAtLeastRobust);

    /// <summary>
    /// The shared estimator's settings for effects with <see cref="Adjustment.Prognostic"/>: confidence level and the
    /// smallest effect of policy interest of the equivalence conclusions (a notebook parameter).
    /// </summary>
    public SharedOptions Options { get; init; } = SharedOptions.Default;

    /// <summary>Checks that the primary method is among the methods.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public EffectSpecification Validated() => Methods.Contains(Primary)
        ? this
        : throw new ArgumentException($"the primary inference method {Primary.Key} is not among the methods ({string.Join(", ", Methods.Select(m => m.Key))})");

    /// <summary>The same methods with another adjustment.</summary>
    public EffectSpecification With(Adjustment adjustment) => this with { Adjustment = adjustment };
}
