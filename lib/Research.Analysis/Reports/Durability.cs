using System.Globalization;
using Plotly.NET;
using Research.Analysis.Outcomes;
using Research.Analysis.Results;
using Research.Statistics.Regression;
using Research.Statistics.Survival;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 4, durability and time to outflow: the share per arm that held the outcome for at least
/// <see cref="DurableMonths"/> consecutive months by the primary horizon (with the baseline-adjusted difference against
/// the control), and Kaplan–Meier curves of the time to the first month in the outcome with a log-rank test.
/// </summary>
public sealed class Durability
{
    /// <summary>Consecutive months that make an outflow durable.</summary>
    public const int DurableMonths = 6;

    private readonly ReportContext _context;
    private readonly Dictionary<string, IReadOnlyList<GroupSurvivalCurve>> _curves;

    private Durability(ReportContext context, ResultTable durable, ResultTable survival, Dictionary<string, IReadOnlyList<GroupSurvivalCurve>> curves, int followUp)
    {
        _context = context;
        Durable = durable;
        Survival = survival;
        _curves = curves;
        FollowUpMonths = followUp;
    }

    /// <summary>
    /// Table <c>durable</c>: key <c>{arm}|{outcome}</c>; share, n for every arm; estimate, se, ci_low, ci_high, p (HC2) for treatment arms.
    /// </summary>
    public ResultTable Durable { get; }

    /// <summary>
    /// Table <c>survival</c>: key <c>{arm}|{outcome}</c> (median months with 95% limits, share out by month 12 and 24,
    /// events, n) and <c>logrank|{outcome}</c> (chi2, df, p, n).
    /// </summary>
    public ResultTable Survival { get; }

    /// <summary>The follow-up at which time to outflow is censored (months).</summary>
    public int FollowUpMonths { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [Durable, Survival];

    /// <summary>Computes the tables.</summary>
    public static Durability Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var panel = context.Panel;
        var primary = context.Experiment.PrimaryHorizonMonths;
        var followUp = Math.Min(36, context.Persons.Max(p => panel.LastObservedMonth[p]));
        var control = context.Experiment.Control.Code;
        var durable = new List<ResultRow>();
        var survival = new List<ResultRow>();
        var curves = new Dictionary<string, IReadOnlyList<GroupSurvivalCurve>>(StringComparer.Ordinal);
        var estimation = new Estimation();
        foreach (var outcome in new[] { ReportOutcome.PartialOrFull, ReportOutcome.Full })
        {
            var y = PrimaryOutcomes.ByPanel(context, panel.DurableBy(outcome.Outcome, DurableMonths, primary, coverage: Coverage.ExcludeUncovered));
            var baseline = PrimaryOutcomes.ByPanel(context, panel.PreRandomisation(outcome.Outcome, panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));
            var sample = EffectSample.Create(context, p => y[p], p => baseline[p], $"durable {outcome.Key}");
            var fit = estimation.Try($"durable {outcome.Key}", () => sample.Fit(VarianceEstimator.HC2));
            foreach (var arm in context.Experiment.Arms)
            {
                var count = sample.Count(arm.Code);
                var share = sample.Mean(arm.Code);
                var durableCount = (int)Math.Round(share * count);
                var values = new List<(string, double?)> { ("share", share), (ResultValue.N, count), ("n_durable", durableCount), ("n_not_durable", count - durableCount) };
                if (!arm.IsControl && fit is not null)
                {
                    var c = fit[EffectSample.Coefficient(arm.Code)];
                    values.AddRange([(ResultValue.Estimate, c.Estimate), (ResultValue.StandardError, c.StandardError), (ResultValue.CiLow, c.ConfidenceLow), (ResultValue.CiHigh, c.ConfidenceHigh), (ResultValue.PValue, c.PValue)]);
                }

                durable.Add(Publication.Row($"{arm.Code}|{outcome.Key}", [("arm", arm.Code), ("arm_name_nl", arm.NameNl), ("outcome", outcome.Key)], values));
            }

            var time = panel.TimeToFirst(outcome.Outcome, followUp);
            var persons = context.Persons;
            var times = persons.Select(p => (double)time.Months[p]).ToArray();
            var events = persons.Select(p => time.Events[p]).ToArray();
            var groups = context.Arms;
            var fitted = KaplanMeier.FitByGroup(times, events, groups);
            curves[outcome.Key] = fitted;
            foreach (var arm in context.Experiment.Arms)
            {
                var curve = fitted.First(g => g.Group == arm.Code).Curve;
                var median = curve.Median;
                survival.Add(Publication.Row(
                    $"{arm.Code}|{outcome.Key}",
                    [("arm", arm.Code), ("arm_name_nl", arm.NameNl), ("outcome", outcome.Key)],
                    [
                        ("median_months", median.Time), ("median_low", median.Lower), ("median_high", median.Upper),
                        ("out_by_12", 1 - curve.SurvivalAt(12)), ("out_by_24", followUp >= 24 ? 1 - curve.SurvivalAt(24) : null),
                        ("n_events", curve.EventCount), (ResultValue.N, curve.Count),
                    ]));
            }

            var test = LogRankTest.Compute(times, events, groups);
            survival.Add(Publication.Row(
                $"logrank|{outcome.Key}",
                [("arm", "all"), ("arm_name_nl", "log-rank test"), ("outcome", outcome.Key)],
                [("chi2", test.ChiSquare), ("df", test.DegreesOfFreedom), (ResultValue.PValue, test.PValue), (ResultValue.N, persons.Count)]));
        }

        var culture = CultureInfo.InvariantCulture;
        return new Durability(
            context,
            Publication.Table("durable", "Durable outflow by the primary horizon", durable,
            [
                string.Create(culture, $"Durable: in the outcome for at least {DurableMonths} consecutive months between month 1 and month {primary} (the primary horizon)."),
                string.Create(culture, $"n_durable, n_not_durable: persons with and without a durable outflow; rows where either is below {Publication.MinimumCount} are withheld."),
                "estimate: difference with the control arm in the durable share, adjusted for the outcome's mean over the 12 months before randomisation" + (context.IsStratified ? " and the strata" : string.Empty) + "; HC2 standard errors.",
                .. estimation.Notes,
            ]),
            Publication.Table("survival", "Time to first outflow (Kaplan–Meier)", survival,
            [
                string.Create(culture, $"Months from randomisation to the first month in the outcome, censored at month {followUp} or the end of the register. Median with 95% limits (log-log); blank where not reached."),
                "out_by_12, out_by_24: Kaplan–Meier share with a first outflow by month 12 and 24. Log-rank test of equal curves across all arms.",
                string.Create(culture, $"An arm with fewer than {Publication.MinimumCount} outflows (n_events) is withheld."),
            ]),
            curves,
            followUp);
    }

    /// <summary>
    /// Kaplan–Meier curves of the cumulative share with a first outflow, by arm. A curve is drawn from the time at least ten
    /// outflows have accumulated and stops where fewer than ten persons of its arm remain at risk, so no step reveals a
    /// small number of persons.
    /// </summary>
    public GenericChart SurvivalChart(ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!_curves.TryGetValue(outcome.Key, out var curves))
        {
            throw new KeyNotFoundException($"no survival curves for {outcome.Key}; computed for {string.Join(", ", _curves.Keys)}");
        }

        var lines = _context.Experiment.Arms.Select(arm =>
        {
            var all = curves.First(g => g.Group == arm.Code).Curve.Steps;
            var events = 0;
            var steps = all.Where(s => Publication.MayPublish(events += s.Events) && Publication.MayPublish(s.AtRisk)).ToList();
            var x = new[] { 0.0 }.Concat(steps.Select(s => s.Time)).ToArray();
            var y = new[] { 0.0 }.Concat(steps.Select(s => 1 - s.Survival)).ToArray();
            return new ChartLine(arm.NameNl, x, y, Step: true);
        }).ToList();
        return ReportCharts.Lines($"{outcome.Label}: time to first outflow (Kaplan–Meier)", "Months since randomisation", "Share with a first outflow", lines,
            (0, PrimaryOutcomes.InterventionEndMonth(_context), "intervention period"));
    }
}
