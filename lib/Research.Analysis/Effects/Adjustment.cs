using Research.Statistics.Design;

namespace Research.Analysis.Effects;

/// <summary>
/// How an effect is adjusted for covariates: the design of the regression whose arm coefficients are the effects.
/// Every design has an intercept, the arm dummies against the control (named by <see cref="EffectSample.Coefficient"/>)
/// and, where randomisation was stratified, stratum fixed effects; an adjustment decides what else goes in.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public abstract class Adjustment
{
    /// <summary>Creates an adjustment.</summary>
    protected Adjustment(string key, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Key = key;
        Description = description;
    }

    /// <summary>The outcome's own mean over the 12 months before randomisation (the reports' adjustment so far).</summary>
    public static Adjustment BaselineOutcome { get; } = new BaselineOutcomeAdjustment();

    /// <summary>Lin's interacted adjustment for the pre-specified prognostic set: the reports' adjustment (issue 11).</summary>
    public static Adjustment Prognostic { get; } = new PrognosticAdjustment();

    /// <summary>No covariates beyond the strata: the difference in means within strata.</summary>
    public static Adjustment Unadjusted { get; } = new UnadjustedAdjustment();

    /// <summary>Identifier in result files and notes, e.g. <c>baseline_outcome</c>.</summary>
    public string Key { get; }

    /// <summary>What the adjustment is, for footnotes.</summary>
    public string Description { get; }

    /// <summary>Whether the sample must carry the outcome's baseline value.</summary>
    public virtual bool NeedsBaseline => false;

    /// <summary>
    /// Whether <see cref="Design"/> reads nothing of the sample but its persons (their arms, strata and characteristics),
    /// never the outcome or its baseline: then samples with the same persons share one design. False unless an adjustment
    /// says so.
    /// </summary>
    public virtual bool DesignFromPersonsOnly => false;

    /// <summary>The design for <paramref name="sample"/> (arm dummies for the arms with persons in the sample).</summary>
    public DesignMatrix Design(EffectSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var builder = new DesignBuilder(sample.Y.Count).Intercept()
            .Treatment("arm", [.. sample.Arms], sample.Context.Experiment.Control.Code, sample.PresentArms);
        AddCovariates(builder, sample);
        return Strata(builder, sample).Build();
    }

    /// <summary>The exogenous part of the design (everything but the arm dummies), for instrumental-variable models.</summary>
    public DesignMatrix Covariates(EffectSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var builder = new DesignBuilder(sample.Y.Count).Intercept();
        AddCovariates(builder, sample);
        return Strata(builder, sample).Build();
    }

    /// <inheritdoc />
    public override string ToString() => Key;

    /// <summary>Adds the adjustment's covariates after the intercept and arm dummies.</summary>
    protected abstract void AddCovariates(DesignBuilder builder, EffectSample sample);

    private static DesignBuilder Strata(DesignBuilder builder, EffectSample sample) =>
        sample.Context.IsStratified ? builder.FixedEffects("stratum", [.. sample.Strata]) : builder;
}
