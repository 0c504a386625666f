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
    /// <summary>The reports' specification: baseline-outcome adjustment, HC2 and CR2, CR2 primary.</summary>
    public static EffectSpecification Default { get; } = new(Adjustment.BaselineOutcome, [InferenceMethod.HC2, InferenceMethod.CR2], InferenceMethod.CR2);

    /// <summary>Checks that the primary method is among the methods.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public EffectSpecification Validated() => Methods.Contains(Primary)
        ? this
        : throw new ArgumentException($"the primary inference method {Primary.Key} is not among the methods ({string.Join(", ", Methods.Select(m => m.Key))})");

    /// <summary>The same methods with another adjustment.</summary>
    public EffectSpecification With(Adjustment adjustment) => this with { Adjustment = adjustment };
}
