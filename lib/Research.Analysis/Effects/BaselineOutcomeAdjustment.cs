using Research.Statistics.Design;

namespace Research.Analysis.Effects;

/// <summary>Adjusts for the outcome's mean over the months before randomisation (ANCOVA on the pre-period).</summary>
internal sealed class BaselineOutcomeAdjustment() : Adjustment("baseline_outcome", "adjusted for the outcome's mean over the 12 months before randomisation")
{
    public override bool NeedsBaseline => true;

    protected override void AddCovariates(DesignBuilder builder, EffectSample sample) =>
        builder.Numeric("baseline", [.. sample.Baseline ?? throw new InvalidOperationException($"{sample.Description}: the baseline-outcome adjustment needs the outcome's baseline value")]);
}
