using Research.Statistics.Design;

namespace Research.Analysis.Effects;

/// <summary>No covariates: the difference in means (within strata where randomisation was stratified).</summary>
internal sealed class UnadjustedAdjustment() : Adjustment("unadjusted", "not adjusted for covariates (strata only, where stratified)")
{
    public override bool DesignFromPersonsOnly => true;

    protected override void AddCovariates(DesignBuilder builder, EffectSample sample)
    {
    }
}
