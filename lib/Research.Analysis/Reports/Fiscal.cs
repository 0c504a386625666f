using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>
/// The fiscal effect: the social-assistance benefit paid per participant (<c>benefit_amount</c>) from month 1 to a
/// horizon, compared with the control arm. Each arm's effect is an intention-to-treat difference in euros per
/// participant, adjusted for the benefit paid over the 12 months before randomisation; a negative effect is benefit saved.
/// </summary>
public sealed class Fiscal
{
    private Fiscal(IReadOnlyList<FiscalEffect> effects, IReadOnlyList<string> notes)
    {
        Effects = effects;
        Notes = notes;
    }

    /// <summary>The effects by horizon and arm.</summary>
    public IReadOnlyList<FiscalEffect> Effects { get; }

    /// <summary>What could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Estimates the effects at <paramref name="horizons"/> (months after randomisation).</summary>
    public static Fiscal Compute(ReportContext context, IReadOnlyList<int> horizons, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(horizons);
        specification = (specification ?? EffectSpecification.Default).Validated();
        var spec = specification with { Methods = [specification.Primary] };
        var panel = context.Panel;
        var baseline = PrimaryOutcomes.ByPanel(context, panel.PreRandomisation(Outcome.BenefitAmount, panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));
        var control = context.Experiment.Control.Code;
        var estimation = new Estimation();
        var effects = new List<FiscalEffect>();
        foreach (var horizon in horizons)
        {
            // The monthly mean over months 1..h times h: the benefit paid over the whole period.
            var total = PrimaryOutcomes.ByPanel(context, panel.Mean(Outcome.BenefitAmount, 1, horizon, Coverage.ExcludeUncovered)).Select(v => v * horizon).ToArray();
            var sample = EffectSample.Create(context, p => total[p], spec.Adjustment.NeedsBaseline ? p => baseline[p] : null,
                string.Create(CultureInfo.InvariantCulture, $"benefit paid in months 1 to {horizon}"));
            var estimates = EffectEstimator.ArmEffects(sample, spec, estimation);
            var controlValues = sample.Values(control);
            effects.AddRange(context.Experiment.TreatmentArms.Select((arm, a) => new FiscalEffect(arm, horizon, sample.Count(arm.Code), controlValues.Count,
                controlValues.DefaultIfEmpty(double.NaN).Average(), Magnitude.Of(controlValues), estimates[a])));
        }

        return new Fiscal(effects, estimation.Notes);
    }
}
