namespace Research.Analysis.Effects;

/// <summary>One effect with every inference method's verdict on it.</summary>
/// <param name="Adjustment">How the estimate was adjusted.</param>
/// <param name="Estimate">The point estimate (the arm coefficient).</param>
/// <param name="Inferences">One per method that could be computed.</param>
public sealed record EffectEstimate(Adjustment Adjustment, double Estimate, IReadOnlyList<Inference> Inferences)
{
    /// <summary>The inference of <paramref name="method"/>, or null when it could not be computed.</summary>
    public Inference? For(InferenceMethod method) => Inferences.FirstOrDefault(i => i.Method == method);
}
