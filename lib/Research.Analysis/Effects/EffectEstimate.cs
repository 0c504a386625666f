namespace Research.Analysis.Effects;

/// <summary>One effect with every inference method's verdict on it.</summary>
/// <param name="Adjustment">How the estimate was adjusted.</param>
/// <param name="Estimate">The point estimate (the arm coefficient).</param>
/// <param name="Inferences">
/// One per method that could be computed. Where HC2 is among them, every clustered method's inference is flagged when
/// its interval is narrower than the HC2 interval (<see cref="Inference.ClusteredNarrowerThanRobust"/>), so no section
/// can publish such an interval unflagged.
/// </param>
public sealed record EffectEstimate(Adjustment Adjustment, double Estimate, IReadOnlyList<Inference> Inferences)
{
    /// <summary>One per method that could be computed, clustered ones flagged against HC2.</summary>
    public IReadOnlyList<Inference> Inferences { get; init; } = Flagged(Inferences);

    /// <summary>The inference of <paramref name="method"/>, or null when it could not be computed.</summary>
    public Inference? For(InferenceMethod method) => Inferences.FirstOrDefault(i => i.Method == method);

    private static IReadOnlyList<Inference> Flagged(IReadOnlyList<Inference> inferences)
    {
        ArgumentNullException.ThrowIfNull(inferences);
        var robust = inferences.FirstOrDefault(i => i.Method == InferenceMethod.HC2);
        return robust is null
            ? inferences
            : [.. inferences.Select(i => i.Method.Clustered ? i with { ClusteredNarrowerThanRobust = i.CiHigh - i.CiLow < robust.CiHigh - robust.CiLow } : i)];
    }
}
