using Research.Statistics.Design;

namespace Research.Analysis.Effects;

/// <summary>
/// Lin's (2013) interacted adjustment for the one pre-specified prognostic set of every outcome
/// (<see cref="Research.Analysis.Inference.PrognosticCovariates"/>). Effects with it are estimated by the shared
/// <see cref="Research.Analysis.Inference.EffectEstimator"/>, the estimator the coverage-and-size study checked; a model outside it (an
/// interaction test, two-stage least squares) gets the same covariates additively.
/// </summary>
internal sealed class PrognosticAdjustment() : Adjustment("lin_prognostic",
    "adjusted by Lin's interacted regression for the pre-specified prognostic set (share of the 12 months before randomisation worked more than 12 hours, log prior earnings, log benefit duration, age, sex, education, migration background and the strata)")
{
    /// <summary>The baseline outcome travels with the sample for the exploratory models that add it (subgroup interaction tests).</summary>
    public override bool NeedsBaseline => true;

    /// <summary>The covariates are the persons' pre-randomisation characteristics, whatever the outcome.</summary>
    public override bool DesignFromPersonsOnly => true;

    protected override void AddCovariates(DesignBuilder builder, EffectSample sample)
    {
        var population = sample.Context.Population;
        var rows = sample.Persons.Select(population.RowOf).ToArray();
        // The strata enter as fixed effects after the covariates (Adjustment adds them), so they are left out here.
        var covariates = population.Covariates.Take(rows) with { Stratum = [.. rows.Select(_ => "all")] };
        var design = covariates.Design([.. rows.Select(r => population.Arms[r])]);
        for (var c = 0; c < design.ColumnCount; c++)
        {
            builder.Numeric(design.Names[c], design.Column(c).ToArray());
        }
    }
}
