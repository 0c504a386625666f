using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Effects;

/// <summary>An effect sample with its adjustment's design: what an <see cref="InferenceMethod"/> works on.</summary>
/// <param name="Sample">The persons and their outcome.</param>
/// <param name="Adjustment">The adjustment that made the design.</param>
/// <param name="Design">The design matrix.</param>
/// <param name="Designs">Where equal designs' factorisations are reused (e.g. a section's <see cref="Estimation.Designs"/>), or null to factor afresh.</param>
public sealed record EffectModel(EffectSample Sample, Adjustment Adjustment, DesignMatrix Design, FactoredDesignCache? Designs = null)
{
    // Only the arm effects are reported: a coefficient beside them without a standard error (the intercept when nobody
    // in control has the outcome) must not cost them theirs. Each method checks its arms' own (SandwichInference.Infer).
    private static readonly FitOptions Options = new() { AllowUndefinedStandardErrors = true };

    /// <summary>The model of <paramref name="sample"/> under <paramref name="adjustment"/>, reusing factorisations from <paramref name="designs"/>.</summary>
    public static EffectModel Of(EffectSample sample, Adjustment adjustment, FactoredDesignCache? designs = null)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        return new(sample, adjustment, adjustment.Design(sample), designs);
    }

    /// <summary>
    /// The least-squares fit of the outcome with <paramref name="variance"/>, testing <paramref name="terms"/>: from
    /// <see cref="Designs"/> when there is one (under CR2 only <paramref name="terms"/> then get tests and intervals).
    /// </summary>
    internal LinearModelResult Fit(VarianceEstimator variance, IReadOnlyList<string> terms)
    {
        double[] y = [.. Sample.Y];

        // A constant outcome has nothing to share: the direct fit says why it cannot be estimated, whatever else fails.
        return Designs is { } designs && y.Any(v => v != y[0])
            ? designs.Factor(Design, variance, Options, inference: terms).Fit(y)
            : LinearModel.Fit(y, Design, variance, Options);
    }
}
