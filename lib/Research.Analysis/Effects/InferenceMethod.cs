using Research.Analysis.Inference;
using Research.Statistics.Regression;
using SharedEffect = Research.Analysis.Inference.ArmEffect;

namespace Research.Analysis.Effects;

/// <summary>
/// A way to get standard errors, intervals and p-values for the arm effects of an <see cref="EffectModel"/>. The
/// reports use <see cref="HC2"/> and <see cref="CR2"/>; a new method (a wild cluster bootstrap, randomisation
/// inference) derives from this class and is added to the <see cref="EffectSpecification"/>: every section that estimates
/// effects then reports it without other changes.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public abstract class InferenceMethod
{
    /// <summary>Creates a method.</summary>
    protected InferenceMethod(string key, string label, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Key = key;
        Label = label;
        Description = description;
    }

    /// <summary>Heteroskedasticity-robust HC2 standard errors, t with n − k degrees of freedom.</summary>
    public static SandwichInference HC2 { get; } = new("hc2", "HC2", "HC2 heteroskedasticity-robust standard errors; 95% intervals with n − k degrees of freedom", _ => VarianceEstimator.HC2);

    /// <summary>CR2 standard errors clustered by caseworker (Bell–McCaffrey) with Satterthwaite degrees of freedom.</summary>
    public static SandwichInference CR2 { get; } = new("cr2", "CR2 by caseworker",
        "CR2 standard errors clustered by caseworker (Bell–McCaffrey) with Satterthwaite degrees of freedom", m => m.Sample.CaseworkerClusters);

    /// <summary>
    /// The reports' primary method, chosen by the coverage-and-size study (<c>docs/inference.md</c>): CR2 by caseworker
    /// with Satterthwaite degrees of freedom, except where the CR2 interval is narrower than the HC2 interval; there the
    /// HC2 result is shown and flagged.
    /// </summary>
    public static InferenceMethod ClusteredAtLeastRobust { get; } = new ClusteredAtLeastRobustInference();

    /// <summary>Identifier in notes and result files, e.g. <c>cr2</c>.</summary>
    public string Key { get; }

    /// <summary>Short name for tables, e.g. "CR2 by caseworker".</summary>
    public string Label { get; }

    /// <summary>What the method is, for footnotes.</summary>
    public string Description { get; }

    /// <summary>The estimate and inference for each of <paramref name="terms"/> of <paramref name="model"/>, in order.</summary>
    /// <exception cref="DegenerateModelException">The model cannot be estimated with this method.</exception>
    public abstract IReadOnlyList<(double Estimate, Inference Inference)> Infer(EffectModel model, IReadOnlyList<string> terms);

    /// <summary>
    /// This method's result for one arm, read from the shared estimator's effect (estimated with CR2, the HC2 result beside
    /// it); null when the shared estimator does not give this method.
    /// </summary>
    internal virtual Inference? FromShared(SharedEffect effect) => null;

    /// <inheritdoc />
    public override string ToString() => Key;

    /// <summary>The inference of an estimate under this method, with its equivalence conclusion.</summary>
    private protected Inference Of(IntervalEstimate estimate, EquivalenceAssessment equivalence, bool flagged)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(equivalence);
        return new Inference(this, estimate.StandardError, estimate.ConfidenceInterval.Lower, estimate.ConfidenceInterval.Upper, estimate.PValue,
            double.IsNaN(estimate.DegreesOfFreedom) ? null : estimate.DegreesOfFreedom)
        {
            Equivalence = equivalence.Conclusion,
            ClusteredNarrowerThanRobust = flagged,
        };
    }
}
