using Research.Statistics.Regression;
using SharedEffect = Research.Analysis.Inference.ArmEffect;

namespace Research.Analysis.Effects;

/// <summary>Inference from an OLS fit with a sandwich variance estimator (HC or CR).</summary>
public sealed class SandwichInference : InferenceMethod
{
    private readonly Func<EffectModel, VarianceEstimator> _variance;

    internal SandwichInference(string key, string label, string description, Func<EffectModel, VarianceEstimator> variance)
        : base(key, label, description) => _variance = variance;

    /// <summary>The variance estimator for <paramref name="model"/> (instrumental-variable models use it too).</summary>
    public VarianceEstimator Variance(EffectModel model) => _variance(model);

    /// <inheritdoc />
    internal override Inference? FromShared(SharedEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return this == HC2 ? Of(effect.Robust, effect.RobustEquivalence, flagged: false)
            : this == CR2 && effect.Method == Research.Analysis.Inference.InferenceMethod.Cr2 ? Of(effect.Effect, effect.Equivalence, flagged: false)
            : null;
    }

    /// <inheritdoc />
    public override IReadOnlyList<(double Estimate, Inference Inference)> Infer(EffectModel model, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(terms);
        var fit = model.Fit(Variance(model), terms);
        return terms.Select(t =>
        {
            var c = fit[t];
            return (c.Estimate, new Inference(this, c.StandardError, c.ConfidenceLow, c.ConfidenceHigh, c.PValue, c.DegreesOfFreedom));
        }).ToList();
    }
}
