using System.Globalization;
using Plotly.NET;
using Research.Analysis.Outcomes;
using Research.Analysis.Results;
using Research.Statistics.Multiplicity;
using Research.Statistics.Power;
using Research.Statistics.Regression;
using PowerOutcome = Research.Statistics.Power.Outcome;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 3, the primary register outcomes: intention-to-treat effects per arm, outcome and horizon (outcome ~ arm +
/// the outcome's mean over the 12 months before randomisation, + stratum fixed effects when stratified) with HC2 and
/// CR2-by-caseworker standard errors, Holm-adjusted across arms; effects on the treated by 2SLS; minimum detectable
/// effects. All tables are disclosure-controlled.
/// </summary>
public sealed class PrimaryOutcomes
{
    private readonly ReportContext _context;

    private PrimaryOutcomes(ReportContext context, IReadOnlyList<int> horizons, ResultTable itt, ResultTable clustered, ResultTable att, ResultTable mde)
    {
        _context = context;
        Horizons = horizons;
        Itt = itt;
        IttClustered = clustered;
        Att = att;
        Mde = mde;
    }

    /// <summary>The horizons estimated (months after randomisation): the primary one, 12, 24 and 36 when every register reaches it.</summary>
    public IReadOnlyList<int> Horizons { get; }

    /// <summary>Table <c>itt</c>: HC2 standard errors.</summary>
    public ResultTable Itt { get; }

    /// <summary>Table <c>itt_clustered</c>: CR2 standard errors clustered by caseworker, Satterthwaite df.</summary>
    public ResultTable IttClustered { get; }

    /// <summary>Table <c>att</c>: effects on those who took up (ITT / take-up by 2SLS), HC2.</summary>
    public ResultTable Att { get; }

    /// <summary>Table <c>mde</c>: minimum detectable effects at the primary horizon.</summary>
    public ResultTable Mde { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [Itt, IttClustered, Att, Mde];

    /// <summary>Estimates every effect.</summary>
    /// <exception cref="DegenerateModelException">A model cannot be estimated (e.g. an arm nobody took up).</exception>
    public static PrimaryOutcomes Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var primary = context.Experiment.PrimaryHorizonMonths;
        var reach = context.Persons.Min(p => context.Panel.LastObservedMonth[p]);
        var horizons = new[] { primary, 12, 24 }.Concat(reach >= 36 ? [36] : Array.Empty<int>()).Distinct().Order().ToList();
        var itt = new List<ResultRow>();
        var clustered = new List<ResultRow>();
        var att = new List<ResultRow>();
        var mde = new List<ResultRow>();
        var estimation = new Estimation();
        foreach (var outcome in ReportOutcome.All)
        {
            var baseline = ByPanel(context, context.Panel.PreRandomisation(outcome.Outcome, context.Panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));
            foreach (var horizon in horizons)
            {
                var y = ByPanel(context, context.Panel.At(outcome.Outcome, horizon, Coverage.ExcludeUncovered));
                var sample = EffectSample.Create(context, p => y[p], p => baseline[p], $"{outcome.Key} at month {horizon}");
                var what = string.Create(CultureInfo.InvariantCulture, $"{outcome.Key} at month {horizon}");
                var robust = estimation.Try(what + ", HC2", () => sample.Fit(VarianceEstimator.HC2));
                var cluster = estimation.Try(what + ", CR2", () => sample.Fit(sample.ClusteredVariance()));
                itt.AddRange(EffectRows(context, sample, robust, outcome, horizon));
                clustered.AddRange(EffectRows(context, sample, cluster, outcome, horizon));
                att.AddRange(AttRows(context, sample, outcome, horizon, estimation));
                if (horizon == primary)
                {
                    mde.AddRange(MdeRows(context, sample, cluster, outcome, horizon));
                }
            }
        }

        string[] common =
        [
            "Intention-to-treat: difference with the control arm in the share in the outcome in the given month after randomisation, adjusted for the outcome's mean over the 12 months before randomisation"
                + (context.IsStratified ? " and for the randomisation strata (fixed effects)." : "."),
            "p_holm: Holm-adjusted across the treatment arms within each outcome and horizon.",
            Publication.ShareFootnote,
            .. estimation.Notes,
        ];
        return new PrimaryOutcomes(
            context,
            horizons,
            Publication.Table("itt", "Intention-to-treat effects (HC2 robust standard errors)", itt, [.. common, "Standard errors HC2 (heteroskedasticity-robust); 95% intervals with n − k degrees of freedom."]),
            Publication.Table("itt_clustered", "Intention-to-treat effects (standard errors clustered by caseworker)", clustered,
                [.. common, "Standard errors CR2 clustered by caseworker (Bell–McCaffrey) with Satterthwaite degrees of freedom; caseworkers were not assigned at random."]),
            Publication.Table("att", "Effects on those who took up the intervention (2SLS)", att,
                ["Average effect on the treated: take-up instrumented by assignment (ITT / take-up), same covariates as the ITT, HC2 standard errors. Nobody in the control arm can take up (one-sided non-compliance). Where take-up is 100% the ATT equals the ITT.", .. estimation.Notes]),
            Publication.Table("mde", "Minimum detectable effects at the primary horizon", mde,
                [
                    "mde: the true effect a two-sided 5% test detects with 80% power, for the realised arm sizes, the control share's binomial variance and the design effect 1 + ((1 + cv²)·m − 1)·ρ of clustering by caseworker (ρ estimated by one-way ANOVA on the outcome).",
                    "ci_excludes_mde: yes when the clustered 95% interval excludes effects as large as the MDE in either direction, so a null result is informative; no when effects of that size remain plausible.",
                    Publication.ShareFootnote,
                ]));
    }

    /// <summary>
    /// The monthly share in <paramref name="outcome"/> by arm from 12 months before randomisation, with the intervention
    /// period shaded. A month is left out of an arm's line when fewer than ten of its persons are in the status or out of it.
    /// </summary>
    public GenericChart TrendChart(ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var series = _context.Panel.MonthlyMeans(outcome.Outcome).Where(s => s.Municipality == _context.Municipality).ToDictionary(s => s.Arm, StringComparer.Ordinal);
        var lines = _context.DesignArms.Where(a => series.ContainsKey(a.Code)).Select(a =>
        {
            var s = series[a.Code];
            var points = s.Means.Select((mean, i) => (Month: s.FirstMonth + i, Mean: mean, Count: s.Counts[i])).Where(x => Publication.Share(x.Mean, x.Count) is not null).ToList();
            return new ChartLine(a.NameNl, points.Select(x => (double)x.Month).ToArray(), points.Select(x => x.Mean).ToArray());
        }).ToList();
        var end = InterventionEndMonth(_context);
        return ReportCharts.Lines(
            $"{outcome.Label}: monthly share by arm",
            "Months since randomisation",
            "Share",
            lines,
            (0, end, "intervention period"));
    }

    /// <summary>The median month, relative to randomisation, in which the intervention period ended.</summary>
    internal static int InterventionEndMonth(ReportContext context)
    {
        var ends = context.Persons.Select(p => context.Panel.InterventionEndMonth[p]).Order().ToArray();
        return ends[ends.Length / 2];
    }

    /// <summary>Per panel person, the measure's value; NaN for persons not included.</summary>
    internal static double[] ByPanel(ReportContext context, PersonMeasure measure)
    {
        var values = new double[context.Panel.Count];
        Array.Fill(values, double.NaN);
        for (var i = 0; i < measure.Count; i++)
        {
            values[measure.Persons[i]] = measure.Values[i];
        }

        return values;
    }

    /// <summary>One row per treatment arm of an effect model, with Holm-adjusted p-values across the arms.</summary>
    internal static IEnumerable<ResultRow> EffectRows(ReportContext context, EffectSample sample, ModelFit? fit, ReportOutcome outcome, int horizon)
    {
        var control = context.Experiment.Control.Code;
        var arms = context.Experiment.TreatmentArms.ToList();
        var coefficients = arms.Select(a => fit?[EffectSample.Coefficient(a.Code)]).ToList();
        var holm = fit is null ? new double[arms.Count] : PValueAdjustment.Holm(coefficients.Select(c => c!.PValue).ToList());
        var nControl = sample.Count(control);
        var controlMean = sample.Mean(control);
        return arms.Select((arm, i) =>
        {
            var c = coefficients[i];
            var nArm = sample.Count(arm.Code);
            return Publication.Row(
                Key(arm.Code, outcome.Key, horizon),
                Labels(arm, outcome, horizon),
                [
                    (ResultValue.Estimate, c?.Estimate), (ResultValue.StandardError, c?.StandardError), (ResultValue.CiLow, c?.ConfidenceLow),
                    (ResultValue.CiHigh, c?.ConfidenceHigh), (ResultValue.PValue, c?.PValue), ("p_holm", c is null ? null : holm[i]), ("df", c is null ? null : Finite(c.DegreesOfFreedom)),
                    (ResultValue.N, nArm + nControl), ("n_arm", nArm), ("n_control", nControl), ("control_mean", Publication.Share(controlMean, nControl)),
                ]);
        });
    }

    /// <summary>The row key <c>{arm}|{outcome}|{horizonMonths}</c>.</summary>
    public static string Key(string arm, string outcome, int horizon) => string.Create(CultureInfo.InvariantCulture, $"{arm}|{outcome}|{horizon}");

    private static IEnumerable<(string, string)> Labels(Data.Design.ExperimentArm arm, ReportOutcome outcome, int horizon) =>
    [
        ("arm", arm.Code), ("arm_name_nl", arm.NameNl), ("arm_type", arm.TypeLabel), ("outcome", outcome.Key),
        ("horizon", horizon.ToString(CultureInfo.InvariantCulture)),
    ];

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static IEnumerable<ResultRow> AttRows(ReportContext context, EffectSample sample, ReportOutcome outcome, int horizon, Estimation estimation)
    {
        var control = context.Experiment.Control.Code;
        var fit = estimation.Try(string.Create(CultureInfo.InvariantCulture, $"{outcome.Key} at month {horizon}, ATT"),
            () => TreatmentOnTreated.Fit(sample.Y, sample.Arms, control, sample.TakeUp, sample.Covariates(), VarianceEstimator.HC2));
        var nControl = sample.Count(control);
        return context.Experiment.TreatmentArms.Select(arm =>
        {
            var c = fit?[$"takeup[{arm.Code}]"];
            var inArm = Enumerable.Range(0, sample.Arms.Length).Where(i => sample.Arms[i] == arm.Code).ToList();
            return Publication.Row(
                Key(arm.Code, outcome.Key, horizon),
                Labels(arm, outcome, horizon),
                [
                    (ResultValue.Estimate, c?.Estimate), (ResultValue.StandardError, c?.StandardError), (ResultValue.CiLow, c?.ConfidenceLow),
                    (ResultValue.CiHigh, c?.ConfidenceHigh), (ResultValue.PValue, c?.PValue), ("take_up", inArm.Average(i => sample.TakeUp[i])),
                    (ResultValue.N, inArm.Count + nControl), ("n_arm", inArm.Count), ("n_control", nControl),
                ]);
        });
    }

    private static IEnumerable<ResultRow> MdeRows(ReportContext context, EffectSample sample, ModelFit? clustered, ReportOutcome outcome, int horizon)
    {
        var control = context.Experiment.Control.Code;
        var nControl = sample.Count(control);
        var controlMean = sample.Mean(control);
        var pooled = sample.Y.Average();
        var (icc, size, variation) = CaseworkerIcc.Estimate(sample.Y, sample.Caseworkers);
        var clustering = Clustering.BySize(icc, size, variation);

        // The binomial variance of the control share; when the control share is 0 or 1 the pooled share stands in.
        var rate = controlMean is > 0 and < 1 ? controlMean : pooled;
        return context.Experiment.TreatmentArms.Select(arm =>
        {
            var nArm = sample.Count(arm.Code);
            double? effect = null;
            string excludes = "not estimable";
            if (rate is > 0 and < 1 && nArm >= 2 && nControl >= 2)
            {
                effect = PowerCalculator.MinimumDetectableEffect(new TwoArmDesign(nArm, nControl, clustering), PowerOutcome.Binary(rate)).Effect;
                var c = clustered?[EffectSample.Coefficient(arm.Code)];
                excludes = c is null ? "not estimable" : c.ConfidenceLow > -effect && c.ConfidenceHigh < effect ? "yes" : "no";
            }

            return Publication.Row(
                string.Create(CultureInfo.InvariantCulture, $"{arm.Code}|{outcome.Key}"),
                [.. Labels(arm, outcome, horizon), ("ci_excludes_mde", excludes)],
                [
                    ("mde", effect), ("icc", icc), ("design_effect", clustering.DesignEffect(nArm)), ("n_arm", nArm), ("n_control", nControl),
                    (ResultValue.N, nArm + nControl), ("control_mean", Publication.Share(controlMean, nControl)),
                ]);
        });
    }
}
