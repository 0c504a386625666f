using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Statistics.Survival;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 4, durability and time to outflow: the share per arm that held the outcome for at least
/// <see cref="DurableMonths"/> consecutive months by the primary horizon (with the effect against the control, estimated
/// like the intention-to-treat effects: the report's adjustment and inference methods), and Kaplan–Meier curves of the
/// time to the first month in the outcome with, per treatment arm, a log-rank type test against the control that
/// treats the caseworkers the way the primary inference does (<see cref="ArmSurvivalComparison"/>).
/// </summary>
public sealed class Durability
{
    /// <summary>Consecutive months that make an outflow durable.</summary>
    public const int DurableMonths = 6;

    private Durability(EffectSpecification specification, int followUp, IReadOnlyList<DurableOutflow> durable, IReadOnlyList<SurvivalSummary> survival,
        IReadOnlyList<ArmSurvivalComparison> tests, IReadOnlyList<string> notes)
    {
        Specification = specification;
        FollowUpMonths = followUp;
        Durable = durable;
        Survival = survival;
        Tests = tests;
        Notes = notes;
    }

    /// <summary>How the durable-outflow effects were estimated (the report's specification).</summary>
    public EffectSpecification Specification { get; }

    /// <summary>The follow-up at which time to outflow is censored (months).</summary>
    public int FollowUpMonths { get; }

    /// <summary>Durable outflow per outcome and arm.</summary>
    public IReadOnlyList<DurableOutflow> Durable { get; }

    /// <summary>Kaplan–Meier curves per outcome and arm.</summary>
    public IReadOnlyList<SurvivalSummary> Survival { get; }

    /// <summary>Per outcome and treatment arm, the test of equal time to a first outflow against the control.</summary>
    public IReadOnlyList<ArmSurvivalComparison> Tests { get; }

    /// <summary>Models that could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The outcomes analysed.</summary>
    public static IReadOnlyList<ReportOutcome> Outcomes { get; } = [ReportOutcome.PartialOrFull, ReportOutcome.Full];

    /// <summary>Computes the section with the report's specification.</summary>
    public static Durability Compute(ReportContext context, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        specification = (specification ?? EffectSpecification.Default).Validated();
        var panel = context.Panel;
        var primary = context.Experiment.PrimaryHorizonMonths;
        var followUp = Math.Min(36, context.Persons.Max(p => panel.LastObservedMonth[p]));
        var durable = new List<DurableOutflow>();
        var survival = new List<SurvivalSummary>();
        var tests = new List<ArmSurvivalComparison>();
        var estimation = new Estimation();
        foreach (var outcome in Outcomes)
        {
            var y = PrimaryOutcomes.ByPanel(context, panel.DurableBy(outcome.Outcome, DurableMonths, primary, coverage: Coverage.ExcludeUncovered));
            var baseline = PrimaryOutcomes.ByPanel(context, panel.PreRandomisation(outcome.Outcome, panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));
            var sample = EffectSample.Create(context, p => y[p], specification.Adjustment.NeedsBaseline ? p => baseline[p] : null, $"durable outflow, {outcome.Short}");
            var effects = EffectEstimator.ArmEffects(sample, specification, estimation);
            var treated = context.Experiment.TreatmentArms.ToList();
            foreach (var arm in context.Experiment.Arms)
            {
                var count = sample.Count(arm.Code);
                var durableCount = (int)Math.Round(sample.Mean(arm.Code) * count);
                durable.Add(new DurableOutflow(arm, outcome, count, durableCount, sample.Count(context.Experiment.Control.Code), arm.IsControl ? null : effects[treated.IndexOf(arm)]));
            }

            var time = panel.TimeToFirst(outcome.Outcome, followUp);
            var persons = context.Persons;
            var times = persons.Select(p => (double)time.Months[p]).ToArray();
            var events = persons.Select(p => time.Events[p]).ToArray();
            var fitted = KaplanMeier.FitByGroup(times, events, context.Arms);
            survival.AddRange(context.Experiment.Arms.Select(arm => new SurvivalSummary(arm, outcome, fitted.First(g => g.Group == arm.Code).Curve, followUp)));
            tests.AddRange(ArmSurvivalComparison.Compare(context, outcome, time, specification, estimation));
        }

        return new Durability(specification, followUp, durable, survival, tests, estimation.Notes);
    }
}
