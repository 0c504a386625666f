using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>
/// Sensitivity to the definition of full outflow: the main-horizon effects under CPB's definition (off benefit and more
/// than 27 hours a week), under more than 27 hours a week without the off-benefit condition, and under earnings-based
/// outflow (off benefit with earnings of at least 70% of the minimum wage), each adjusted for its own pre-randomisation mean.
/// </summary>
public sealed class Sensitivity
{
    private Sensitivity(IReadOnlyList<DefinitionEffect> effects, IReadOnlyList<string> notes)
    {
        Effects = effects;
        Notes = notes;
    }

    /// <summary>The effects by definition and arm.</summary>
    public IReadOnlyList<DefinitionEffect> Effects { get; }

    /// <summary>What could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Estimates the effects under every definition.</summary>
    public static Sensitivity Compute(ReportContext context, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        specification = (specification ?? EffectSpecification.Default).Validated();
        var spec = specification with { Methods = [specification.Primary] };
        var horizon = context.Experiment.PrimaryHorizonMonths;
        var control = context.Experiment.Control.Code;
        var estimation = new Estimation();
        var effects = new List<DefinitionEffect>();
        foreach (var definition in OutflowDefinition.All)
        {
            var panel = context.PanelWith(definition.Definitions);
            var y = PrimaryOutcomes.ByPanel(context, panel.At(definition.Outcome, horizon, Coverage.ExcludeUncovered));
            var baseline = PrimaryOutcomes.ByPanel(context, panel.PreRandomisation(definition.Outcome, panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));
            var sample = EffectSample.Create(context, p => y[p], spec.Adjustment.NeedsBaseline ? p => baseline[p] : null,
                string.Create(CultureInfo.InvariantCulture, $"{definition.Label}, month {horizon}"));
            var estimates = EffectEstimator.ArmEffects(sample, spec, estimation);
            effects.AddRange(context.Experiment.TreatmentArms.Select((arm, a) =>
                new DefinitionEffect(definition, arm, horizon, sample.Count(arm.Code), sample.Count(control), sample.Mean(control), estimates[a])));
        }

        return new Sensitivity(effects, estimation.Notes);
    }
}
