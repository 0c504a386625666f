using System.Globalization;
using System.Text;
using Research.Analysis.Inference;
using Research.Analysis.Outcomes;

namespace Research.Simulation;

/// <summary>The study's printed tables: per site and outcome the methods' bias, size, coverage and width; the family-wise rate; each arm's bias; the wellbeing index under attrition.</summary>
public static class StudyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The per site, outcome and method summaries in site, outcome and method order.</summary>
    public static IReadOnlyList<MethodSummary> Methods(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Effects.GroupBy(d => (d.Experiment.Municipality, d.Outcome, d.Method, d.Rule))
            .OrderBy(g => g.Key.Municipality, StringComparer.Ordinal).ThenBy(g => result.Options.Outcomes.ToList().IndexOf(g.Key.Outcome)).ThenBy(g => g.Key.Method).ThenBy(g => g.Key.Rule)
            .Select(g => MethodSummary.Of(g.ToList())).ToList();
    }

    /// <summary>Each arm's bias in the planted world, from the estimates of the estimator's default method.</summary>
    public static IReadOnlyList<ArmBias> Bias(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var method = result.Options.Methods.Contains(result.Options.Estimator.Method) ? result.Options.Estimator.Method : result.Options.Methods[0];
        return ArmBias.Of(result.Effects.Where(d => d.World == World.PlantedEffects && d.Method == method && d.Rule == IntervalRule.Method && !d.Failed)
            .Select(d => (d.Experiment, d.Arm, d.Outcome, d.Estimate, d.Truth)));
    }

    /// <summary>Formats every table.</summary>
    /// <param name="result">The study.</param>
    /// <param name="command">The command line that reproduces it.</param>
    /// <param name="elapsed">How long it ran.</param>
    public static string Format(StudyResult result, string command, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(Invariant)).Append('\n');

        Line($"Coverage-and-size study of the reports' effect estimator (issues 11 and 12)");
        Line($"command: {command}");
        Line($"{o.Replications} replications per world (no effects / planted effects), generator seed {o.Seed} + replication; Lin (2013) adjustment with the pre-specified prognostic covariates;");
        Line($"wild cluster bootstrap: restricted, {o.Estimator.BootstrapWeights} weights, B = {o.Estimator.BootstrapDraws}; randomisation inference: B = {o.Estimator.RandomisationDraws}; elapsed {elapsed.TotalMinutes:F1} min.");
        Line($"");
        Line($"Designs as drawn (first replication): persons and caseworkers per arm (control first), expected take-up, control shares at the primary horizon.");
        foreach (var d in result.Designs)
        {
            var shares = string.Join(", ", o.Outcomes.Select(x => string.Create(Invariant, $"{Name(x)} {100 * d.ControlShares[x]:F1}%")));
            Line($"  {d.Experiment.Municipality,-11} month {d.Experiment.PrimaryHorizonMonths,2}  n = {string.Join("/", d.ArmSizes)}  caseworkers = {string.Join("/", d.Caseworkers)}  take-up {100 * d.TakeUp:F0}%  control: {shares}");
        }

        Line($"");
        Line($"1. Register outcomes at each site's primary horizon, pooled over the site's arms. bias and width in percentage points (MC SE of the bias);");
        Line($"   size = share of 5% tests rejecting with no planted effects; coverage = share of 95% intervals containing the planted ITT;");
        Line($"   * = outside the acceptance band (size 3.5-6.5%, coverage >= 93.5%); unbounded = intervals with an infinite limit; failed = not estimable.");
        Line($"  {"site",-11} {"outcome",-21} {"method",-21} {"bias (se)",15} {"size",8} {"coverage",9} {"width",7} {"unbounded",9} {"failed",6}");
        foreach (var m in Methods(result))
        {
            var sizeFlag = m.Size is < 0.035 or > 0.065 ? "*" : " ";
            var coverageFlag = m.Coverage < 0.935 ? "*" : " ";
            Line($"  {m.Experiment.Municipality,-11} {Name(m.Outcome),-21} {Label(m.Method, m.Rule),-21} {100 * m.Bias,7:+0.00;-0.00} ({100 * m.BiasStandardError:F2}) {100 * m.Size,6:F1}%{sizeFlag} {100 * m.Coverage,7:F1}%{coverageFlag} {100 * m.Width,7:F2} {m.Unbounded,9} {m.Failures,6}");
        }

        Line($"");
        Line($"2. Family-wise rate of declaring a zero planted effect significant after Holm's correction across the site's arms ({Name(o.Outcomes[0])}, primary horizon, no effects).");
        var columns = result.Families.Select(f => (f.Method, f.Rule)).Distinct().Order().ToList();
        Line($"  {"site",-11} {string.Join(" ", columns.Select(c => string.Create(Invariant, $"{Label(c.Method, c.Rule),21}")))}");
        foreach (var site in result.Families.GroupBy(f => f.Experiment.Municipality).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rates = columns.Select(c =>
            {
                var draws = site.Where(f => f.Method == c.Method && f.Rule == c.Rule && f.World == World.NoEffects).ToList();
                var rate = draws.Count(f => f.AnyRejected) / (double)draws.Count;
                return string.Create(Invariant, $"{100 * rate,20:F1}%") + (rate > 0.05 ? "*" : " ");
            });
            Line($"  {site.Key,-11} {string.Join("", rates)}");
        }

        Line($"");
        Line($"3. Recovery: mean estimate per site and arm against the mean planted ITT (planted effects, {Label(o.Methods.Contains(o.Estimator.Method) ? o.Estimator.Method : o.Methods[0])} estimates), percentage points; z = bias / MC SE.");
        Line($"  {"site",-11} {"arm",-26} {"outcome",-21} {"truth",7} {"estimate",9} {"bias",7} {"MC SE",6} {"z",6}");
        foreach (var b in Bias(result).OrderBy(b => b.Experiment.Municipality, StringComparer.Ordinal).ThenBy(b => o.Outcomes.ToList().IndexOf(b.Outcome)))
        {
            Line($"  {b.Experiment.Municipality,-11} {b.Arm.Code,-26} {Name(b.Outcome),-21} {100 * b.MeanTruth,7:F2} {100 * b.MeanEstimate,9:F2} {100 * b.Bias,7:+0.00;-0.00} {100 * b.StandardError,6:F2} {b.Z,6:+0.0;-0.0}");
        }

        if (result.Wellbeing.Count > 0)
        {
            Line($"");
            Line($"4. Wellbeing summary index (Anderson 2008, control SD units) at the wave closest to the primary horizon, under attrition that depends on");
            Line($"   benefit status (observed) and on wellbeing itself (not observed); {Label(o.WellbeingMethod)} inference. truth = the mean over replications of");
            Line($"   the estimate for the same persons had everyone responded (0 without planted effects). full response: its own coverage (no attrition);");
            Line($"   complete cases and IPW: bias (MC SE), size with no effects, coverage of the truth; Lee: share of bounds containing the truth, of");
            Line($"   Imbens-Manski 95% intervals covering it, and the mean width of the bounds.");
            Line($"  {"site",-11} {"response",8} {"full: cover",11} {"complete cases: bias (se)",26} {"size",6} {"cover",6} {"weighted (IPW): bias (se)",26} {"size",6} {"cover",6} {"Lee contain",11} {"IM cover",8} {"width",6}");
            foreach (var group in result.Wellbeing.GroupBy(d => d.Experiment.Municipality).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var w = WellbeingSummary.Of(group.ToList());
                Line($"  {w.Experiment.Municipality,-11} {100 * w.ResponseRate,7:F0}% {100 * w.FullResponse.Coverage,10:F1}% {Performance(w.CompleteCase)} {Performance(w.Weighted)} {100 * w.BoundsContainTruth,10:F1}% {100 * w.BoundsIntervalCovers,7:F1}% {w.BoundsWidth,6:F3}");
            }

            var truths = result.Wellbeing.GroupBy(d => d.Experiment.Municipality).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => WellbeingSummary.Truth(g.ToList()).Select(t => string.Create(Invariant, $"{g.Key} {t.Key.Code} {t.Value:+0.000;-0.000}")));
            Line($"  true index effects (SD units): {string.Join("; ", truths)}");
        }

        Line($"");
        Line($"Failures (models the data did not allow, counted above as neither rejecting nor covering): {(result.Failures.Count == 0 ? "none" : string.Empty)}");
        foreach (var f in result.Failures.Take(20))
        {
            Line($"  {f.Count,6} x {f.Message}");
        }

        return text.ToString();
    }

    private static string Performance(EstimatorPerformance p) =>
        string.Create(Invariant, $"{p.Bias,17:+0.000;-0.000} ({p.BiasStandardError:F3}) {100 * p.Size,5:F1}% {100 * p.Coverage,5:F1}%");

    /// <summary>The outcome's name in the tables.</summary>
    public static string Name(Outcome outcome) => outcome switch
    {
        Outcome.FullOutflow => ">27 h, off benefit",
        Outcome.PartialOrFullOutflow => ">12 h",
        Outcome.BenefitIndependence => "off benefit",
        _ => outcome.ToString(),
    };

    /// <summary>The method's name in the tables.</summary>
    public static string Label(InferenceMethod method, IntervalRule rule = IntervalRule.Method) => rule == IntervalRule.AtLeastRobust ? Label(method) + ", >= HC2" : method switch
    {
        InferenceMethod.Hc2 => "HC2",
        InferenceMethod.Cr2 => "CR2 (BM df)",
        InferenceMethod.WildClusterBootstrap => "wild cluster boot.",
        InferenceMethod.Randomisation => "randomisation",
        _ => method.ToString(),
    };
}
