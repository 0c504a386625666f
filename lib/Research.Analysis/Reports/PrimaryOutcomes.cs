using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Statistics.Power;
using Research.Statistics.Regression;
using PowerOutcome = Research.Statistics.Power.Outcome;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 3, the primary register outcomes: intention-to-treat effects per arm, outcome and horizon with every
/// inference method of the <see cref="EffectSpecification"/> (p-values Holm-adjusted across arms within each method),
/// effects on the treated by 2SLS, minimum detectable effects at the primary horizon, and the monthly shares by arm.
/// </summary>
public sealed class PrimaryOutcomes
{
    private PrimaryOutcomes(EffectSpecification specification, IReadOnlyList<int> horizons, int interventionEnd, IReadOnlyList<IttEffect> effects,
        IReadOnlyList<AttEffect> att, IReadOnlyList<DetectableEffect> detectable, IReadOnlyList<MonthlyShare> monthly, IReadOnlyList<string> notes)
    {
        Specification = specification;
        Horizons = horizons;
        InterventionEndMonth = interventionEnd;
        Effects = effects;
        Att = att;
        Detectable = detectable;
        MonthlyShares = monthly;
        Notes = notes;
    }

    /// <summary>How the effects were estimated.</summary>
    public EffectSpecification Specification { get; }

    /// <summary>The horizons estimated (months after randomisation): the primary one, 12, 24 and 36 when every register reaches it.</summary>
    public IReadOnlyList<int> Horizons { get; }

    /// <summary>The median month, relative to randomisation, in which the intervention period ended.</summary>
    public int InterventionEndMonth { get; }

    /// <summary>Intention-to-treat effects, by outcome, horizon and arm.</summary>
    public IReadOnlyList<IttEffect> Effects { get; }

    /// <summary>Effects on those who took up (HC2), in the order of <see cref="Effects"/>.</summary>
    public IReadOnlyList<AttEffect> Att { get; }

    /// <summary>Minimum detectable effects at the primary horizon, by outcome and arm.</summary>
    public IReadOnlyList<DetectableEffect> Detectable { get; }

    /// <summary>The share in each outcome by arm and month, from 12 months before randomisation to the last month every register reaches.</summary>
    public IReadOnlyList<MonthlyShare> MonthlyShares { get; }

    /// <summary>Models that could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The main horizon: the primary hypotheses are full outflow at this month.</summary>
    public int MainHorizon { get; private init; }

    /// <summary>How the equivalence conclusions are reached, for table notes.</summary>
    public string EquivalenceNote => string.Create(CultureInfo.InvariantCulture,
        $"Against the smallest effect of interest (±{Specification.Options.SmallestEffectOfInterest * 100:0.#} percentage points, a notebook parameter): equivalent when the 90% interval lies inside the margin (two one-sided tests at 5%), different when the 95% interval excludes zero, exceeds_margin when it is different and lies beyond the margin, equivalent_but_different when both hold, else inconclusive. The summary's wording follows this conclusion, never the minimum detectable effect.");

    /// <summary>The effect of <paramref name="arm"/> on <paramref name="outcome"/> at <paramref name="horizon"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not estimated.</exception>
    public IttEffect Effect(string arm, ReportOutcome outcome, int horizon) =>
        Effects.FirstOrDefault(e => e.Arm.Code == arm && e.Outcome == outcome && e.Horizon == horizon)
        ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"no effect of {arm} on {outcome.Key} at month {horizon}"));

    /// <summary>
    /// The horizons the section estimates in <paramref name="context"/> (its <see cref="Horizons"/>), known before any
    /// estimate: the primary one, 12, 24 and 36 when every register reaches it.
    /// </summary>
    public static IReadOnlyList<int> HorizonsOf(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new[] { context.Experiment.PrimaryHorizonMonths, 12, 24 }.Concat(Reach(context) >= 36 ? [36] : Array.Empty<int>()).Distinct().Order().ToList();
    }

    // The last month every participant's registers reach.
    private static int Reach(ReportContext context) => context.Persons.Min(p => context.Panel.LastObservedMonth[p]);

    /// <summary>Estimates every effect.</summary>
    public static PrimaryOutcomes Compute(ReportContext context, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        specification = (specification ?? EffectSpecification.Default).Validated();
        var primary = context.Experiment.PrimaryHorizonMonths;
        var horizons = HorizonsOf(context);
        var reach = Reach(context);
        var effects = new List<IttEffect>();
        var att = new List<AttEffect>();
        var detectable = new List<DetectableEffect>();
        var estimation = new Estimation();
        foreach (var outcome in ReportOutcome.All)
        {
            var baseline = ByPanel(context, context.Panel.PreRandomisation(outcome.Outcome, context.Panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));
            foreach (var horizon in horizons)
            {
                var y = ByPanel(context, context.Panel.At(outcome.Outcome, horizon, Coverage.ExcludeUncovered));
                var what = string.Create(CultureInfo.InvariantCulture, $"{outcome.Short} at month {horizon}");
                var sample = EffectSample.Create(context, p => y[p], specification.Adjustment.NeedsBaseline ? p => baseline[p] : null, what);
                var estimates = EffectEstimator.ArmEffects(sample, specification, estimation);
                if (!(outcome == ReportOutcome.Full && horizon == primary))
                {
                    // Only the primary hypotheses form the multiplicity family; other rows carry no adjusted p-value.
                    estimates = [.. estimates.Select(e => e is null ? null : e with { Inferences = [.. e.Inferences.Select(i => i with { AdjustedPValue = null })] })];
                }

                var control = context.Experiment.Control.Code;
                var arms = context.Experiment.TreatmentArms.ToList();
                var these = arms.Select((arm, a) => new IttEffect(arm, outcome, horizon, sample.Count(arm.Code), sample.Count(control), sample.Mean(control), estimates[a])).ToList();
                effects.AddRange(these);
                att.AddRange(AttEffects(sample, specification, outcome, horizon, estimation));
                if (horizon == primary)
                {
                    detectable.AddRange(DetectableEffects(sample, these, specification.Primary));
                }
            }
        }

        var monthly = ReportOutcome.All.SelectMany(outcome =>
        {
            var series = context.Panel.MonthlyMeans(outcome.Outcome).Where(s => s.Municipality == context.Municipality).ToDictionary(s => s.Arm, StringComparer.Ordinal);
            return context.DesignArms.Where(a => series.ContainsKey(a.Code)).SelectMany(arm =>
            {
                var s = series[arm.Code];
                return s.Means.Select((mean, i) => (mean, i)).Where(x => s.Counts[x.i] > 0 && s.FirstMonth + x.i <= reach)
                    .Select(x => new MonthlyShare(arm, outcome, s.FirstMonth + x.i, x.mean, s.Counts[x.i]));
            });
        }).ToList();
        return new PrimaryOutcomes(specification, horizons, InterventionEnd(context), effects, att, detectable, monthly, estimation.Notes) { MainHorizon = primary };
    }

    /// <summary>The median month, relative to randomisation, in which the intervention period ended.</summary>
    internal static int InterventionEnd(ReportContext context)
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

    /// <summary>The row key <c>{arm}|{outcome}|{horizonMonths}</c>.</summary>
    public static string Key(string arm, string outcome, int horizon) => string.Create(CultureInfo.InvariantCulture, $"{arm}|{outcome}|{horizon}");

    private static IEnumerable<AttEffect> AttEffects(EffectSample sample, EffectSpecification specification, ReportOutcome outcome, int horizon, Estimation estimation)
    {
        var adjustment = specification.Adjustment;
        if (adjustment == Adjustment.Prognostic)
        {
            return SharedAttEffects(sample, specification, outcome, horizon, estimation);
        }

        var context = sample.Context;
        var control = context.Experiment.Control.Code;
        var fit = estimation.Try(string.Create(CultureInfo.InvariantCulture, $"{outcome.Short} at month {horizon}, ATT"),
            () => TreatmentOnTreated.Fit([.. sample.Y], [.. sample.Arms], control, [.. sample.TakeUp], adjustment.Covariates(sample), VarianceEstimator.HC2));
        var nControl = sample.Count(control);
        return context.Experiment.TreatmentArms.Select(arm =>
        {
            var c = fit?[$"takeup[{arm.Code}]"];
            var inArm = Enumerable.Range(0, sample.Arms.Count).Where(i => sample.Arms[i] == arm.Code).ToList();
            var effect = c is null ? null : new EffectEstimate(adjustment, c.Estimate,
                [new Effects.Inference(InferenceMethod.HC2, c.StandardError, c.ConfidenceLow, c.ConfidenceHigh, c.PValue, c.DegreesOfFreedom)]);
            return new AttEffect(arm, outcome, horizon, inArm.Average(i => sample.TakeUp[i]), inArm.Count, nControl, effect);
        });
    }

    /// <summary>The effects on the treated from the shared estimator (Lin-adjusted Wald ratio), with every method of the specification.</summary>
    private static IEnumerable<AttEffect> SharedAttEffects(EffectSample sample, EffectSpecification specification, ReportOutcome outcome, int horizon, Estimation estimation)
    {
        var context = sample.Context;
        var nControl = sample.Count(context.Experiment.Control.Code);
        var fit = estimation.Try(string.Create(CultureInfo.InvariantCulture, $"{outcome.Short} at month {horizon}, ATT"),
            () => Shared.EffectEstimator.Att(sample.SharedData(), specification.Options with { Method = Shared.InferenceMethod.Cr2, IncludeUnadjusted = false }));
        return context.Experiment.TreatmentArms.Select(arm =>
        {
            var inArm = Enumerable.Range(0, sample.Arms.Count).Where(i => sample.Arms[i] == arm.Code).ToList();
            var shared = fit?[arm];
            var inferences = shared is null ? null : specification.Methods.Select(m => m.FromShared(shared)).OfType<Effects.Inference>().ToList();
            var effect = shared is null ? null : new EffectEstimate(specification.Adjustment, shared.Effect.Estimate, inferences!);
            return new AttEffect(arm, outcome, horizon, inArm.Count == 0 ? double.NaN : inArm.Average(i => sample.TakeUp[i]), inArm.Count, nControl, effect);
        }).ToList();
    }

    private static IEnumerable<DetectableEffect> DetectableEffects(EffectSample sample, IReadOnlyList<IttEffect> effects, InferenceMethod method)
    {
        var control = sample.Context.Experiment.Control.Code;
        var nControl = sample.Count(control);
        var controlMean = sample.Mean(control);
        var pooled = sample.Y.Average();
        var (icc, size, variation) = CaseworkerIcc.Estimate(sample.Y, sample.Caseworkers);
        var clustering = Clustering.BySize(icc, size, variation);

        // The binomial variance of the control share; when the control share is 0 or 1 the pooled share stands in.
        var rate = controlMean is > 0 and < 1 ? controlMean : pooled;
        return effects.Select(e =>
        {
            var nArm = e.NArm;
            double? mde = null;
            bool? excludes = null;
            if (rate is > 0 and < 1 && nArm >= 2 && nControl >= 2)
            {
                var size = PowerCalculator.MinimumDetectableEffect(new TwoArmDesign(nArm, nControl, clustering), PowerOutcome.Binary(rate)).Effect;
                mde = size;
                excludes = e.Inference(method) is { } i ? i.CiLow > -size && i.CiHigh < size : null;
            }

            return new DetectableEffect(e.Arm, e.Outcome, e.Horizon, mde, icc, clustering.DesignEffect(nArm), nArm, nControl, controlMean, excludes);
        });
    }
}
