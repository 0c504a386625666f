using System.Globalization;
using Research.Analysis.Results;
using Research.Data.Design;
using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>
/// The cross-site synthesis of the municipal ITT estimates: for every intervention type, outcome and horizon, a
/// random-effects meta-analysis across the municipalities with each <see cref="SynthesisMethod"/>; the site-level
/// table with the planted truth when run on synthetic data; and the test of differences between intervention types.
/// </summary>
/// <example>
/// <code>
/// var estimates = SiteResults.Estimates(SiteResults.Load("out/reports"));
/// var synthesis = SynthesisAnalysis.Run(estimates, ExperimentCatalog.Canonical, PlantedEffects.TryLoad("out/extracts"));
/// var meta = synthesis.MetaTable();
/// </code>
/// </example>
public sealed class SynthesisAnalysis
{
    /// <summary>The intervention types in the order the synthesis reports them.</summary>
    public static IReadOnlyList<string> TypeOrder { get; } = ["exemption", "intensification", "earnings_disregard", "combination", "choice"];

    /// <summary>The caveat every synthesis carries: the sites did not run one protocol.</summary>
    public const string DesignCaveat = "The designs differ by site (arms, intake, intervention length, primary horizon, and what 'intensification' or 'exemption' meant locally); "
        + "a pooled estimate is an average over these different interventions, not the effect of one protocol, and the prediction interval is the better guide to what a new site can expect.";

    private SynthesisAnalysis(IReadOnlyList<SiteEstimate> estimates, IReadOnlyDictionary<string, int> primaryHorizons, IReadOnlyList<TypeMetaAnalysis> analyses, PlantedEffects? truth)
    {
        Estimates = estimates;
        PrimaryHorizons = primaryHorizons;
        MetaAnalyses = analyses;
        Truth = truth;
    }

    /// <summary>The site estimates as read.</summary>
    public IReadOnlyList<SiteEstimate> Estimates { get; }

    /// <summary>Each site's pre-registered primary horizon in months.</summary>
    public IReadOnlyDictionary<string, int> PrimaryHorizons { get; }

    /// <summary>Every meta-analysis: type × outcome × horizon × method.</summary>
    public IReadOnlyList<TypeMetaAnalysis> MetaAnalyses { get; }

    /// <summary>The planted effects, when the data are synthetic.</summary>
    public PlantedEffects? Truth { get; }

    /// <summary>
    /// Pools the estimates. Horizons: <c>primary</c> (each site at its own primary horizon) and every fixed horizon that at
    /// least two sites report.
    /// </summary>
    /// <param name="estimates">Site estimates, e.g. from <see cref="SiteResults.Estimates"/>.</param>
    /// <param name="designs">The experiment designs (for each site's primary horizon).</param>
    /// <param name="truth">Planted effects to compare with, or null.</param>
    /// <exception cref="KeyNotFoundException">A site is not in <paramref name="designs"/>.</exception>
    public static SynthesisAnalysis Run(IReadOnlyList<SiteEstimate> estimates, ExperimentCatalog designs, PlantedEffects? truth = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(designs);
        var primary = estimates.Select(e => e.Site).Distinct(StringComparer.Ordinal).ToDictionary(s => s, s => designs[s].PrimaryHorizonMonths, StringComparer.Ordinal);
        var horizons = new List<(string Key, Func<SiteEstimate, bool> Selects)> { (TypeMetaAnalysis.PrimaryHorizon, e => e.HorizonMonths == primary[e.Site]) };
        horizons.AddRange(estimates
            .GroupBy(e => e.HorizonMonths)
            .Where(g => g.Select(e => e.Site).Distinct(StringComparer.Ordinal).Count() >= 2)
            .Select(g => g.Key)
            .Order()
            .Select(h => (h.ToString(CultureInfo.InvariantCulture), (Func<SiteEstimate, bool>)(e => e.HorizonMonths == h))));
        var outcomes = estimates.Select(e => e.Outcome).Distinct(StringComparer.Ordinal).ToList();
        var types = estimates.Select(e => e.Type).Distinct(StringComparer.Ordinal).OrderBy(TypeRank).ThenBy(t => t, StringComparer.Ordinal).ToList();
        var analyses = new List<TypeMetaAnalysis>();
        foreach (var type in types)
        {
            foreach (var outcome in outcomes)
            {
                foreach (var (horizon, selects) in horizons)
                {
                    var selected = estimates.Where(e => e.Type == type && e.Outcome == outcome && selects(e)).ToList();
                    if (selected.Count > 0)
                    {
                        analyses.AddRange(SynthesisMethod.All.Select(m => TypeMetaAnalysis.Pool(type, outcome, horizon, m, selected)));
                    }
                }
            }
        }

        return new SynthesisAnalysis(estimates, primary, analyses, truth);
    }

    /// <summary>The meta-analysis with the given key parts.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public TypeMetaAnalysis this[string type, string outcome, string horizon, SynthesisMethod method] =>
        MetaAnalyses.FirstOrDefault(a => a.Type == type && a.Outcome == outcome && a.Horizon == horizon && a.Method == method)
        ?? throw new KeyNotFoundException($"no meta-analysis {type}|{outcome}|{horizon}|{method.Key}");

    /// <summary>Table <c>meta</c>: one row per type, outcome, horizon and method.</summary>
    public ResultTable MetaTable()
    {
        var footnotes = new List<string>
        {
            "Random-effects meta-analysis across municipalities of the ITT estimates with CR2 caseworker-clustered standard errors read from each municipal result file (table itt_clustered); nothing is re-estimated.",
            $"reml_hksj: {SynthesisMethod.RemlHksj.Description} (primary). dl: {SynthesisMethod.DerSimonianLaird.Description}, for comparison. "
                + "pi_low/pi_high: 95% prediction interval for the effect in a new site; tau2, i2 (%), h2, q and q_p (Cochran's Q test): heterogeneity.",
            "Arms of one site share its control arm, so their estimates are correlated. Where a site ran two arms of one type they enter as one "
                + "generalised-least-squares combination, assuming the correlation of two differences in means with a common control and equal variances, "
                + "1/√((1 + n_control/n_arm₁)(1 + n_control/n_arm₂)) (about 0.5 for equal arms).",
            "horizon 'primary' pools each site at its own pre-registered primary horizon (" + string.Join(", ", PrimaryHorizons.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))) + " months).",
            "k = 1: a type run at a single site cannot be pooled; that site's estimate is shown, without heterogeneity or prediction interval (–).",
            DesignCaveat,
        };
        if (MetaAnalyses.Any(a => a.Withheld.Count > 0))
        {
            footnotes.Add("Site estimates withheld by disclosure control are left out of the pooling: "
                + string.Join("; ", MetaAnalyses.Where(a => a.Withheld.Count > 0 && a.Method == SynthesisMethod.RemlHksj).Select(a => $"{a.Type}|{a.Outcome}|{a.Horizon}: {string.Join(", ", a.Withheld.Select(w => $"{w.Site}/{w.Arm}"))}")) + ".");
        }

        if (Truth is not null)
        {
            footnotes.Add("truth: the planted effects of the pooled sites (truth.json) averaged with the meta-analysis weights; covered = 1 when the interval contains it.");
        }

        return new ResultTable("meta", "Meta-analysis across municipalities by intervention type", MetaAnalyses.Select(a => a.ToRow(Truth)).ToList(), footnotes);
    }

    /// <summary>Table <c>sites</c>: every site × arm × outcome × horizon as read, with the planted truth when known.</summary>
    public ResultTable SitesTable()
    {
        var rows = Estimates.Select(e =>
        {
            var values = new Dictionary<string, double?>(StringComparer.Ordinal)
            {
                [ResultValue.Estimate] = e.Estimate,
                [ResultValue.StandardError] = e.StandardError,
                [ResultValue.CiLow] = e.CiLow,
                [ResultValue.CiHigh] = e.CiHigh,
                [ResultValue.PValue] = e.PValue,
                [ResultValue.N] = e.N,
                ["control_mean"] = e.ControlMean,
            };
            if (Truth is not null)
            {
                var truth = Truth.Itt(e);
                values["truth"] = truth;
                values["covered"] = truth is { } t && e is { CiLow: { } low, CiHigh: { } high } ? (t >= low && t <= high ? 1 : 0) : null;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["site"] = e.Site,
                ["arm"] = e.Arm,
                ["arm_name_nl"] = e.ArmNameNl,
                ["arm_type"] = e.Type,
                ["outcome"] = e.Outcome,
                ["horizon"] = e.HorizonMonths.ToString(CultureInfo.InvariantCulture),
                ["primary"] = e.HorizonMonths == PrimaryHorizons[e.Site] ? "yes" : "no",
            };
            return new ResultRow(string.Create(CultureInfo.InvariantCulture, $"{e.Site}|{e.Arm}|{e.Outcome}|{e.HorizonMonths}"), labels, values);
        }).ToList();
        var footnotes = new List<string> { "ITT estimates as recorded in the municipal result files (CR2 standard errors clustered by caseworker). Withheld cells (–) were suppressed by disclosure control." };
        if (Truth is not null)
        {
            var covered = rows.Select(r => r.Values["covered"]).Where(c => c is not null).ToList();
            footnotes.Add(string.Create(CultureInfo.InvariantCulture,
                $"truth: the planted ITT from truth.json (synthetic data, seed {Truth.Truth.Seed}); covered = 1 when the 95% interval contains it: {covered.Count(c => c == 1)} of {covered.Count} intervals ({100.0 * covered.Count(c => c == 1) / Math.Max(1, covered.Count):0.#}%)."));
        }

        return new ResultTable("sites", "Every site, arm, outcome and horizon", rows, footnotes);
    }

    /// <summary>
    /// Table <c>type_differences</c>: per outcome and horizon, the Q-between test that the pooled effects of the types
    /// (those with at least two sites, <see cref="SynthesisMethod.RemlHksj"/>) are equal.
    /// </summary>
    public ResultTable TypeDifferencesTable()
    {
        var rows = new List<ResultRow>();
        foreach (var group in MetaAnalyses.Where(a => a.Method == SynthesisMethod.RemlHksj && a.Fit is not null).GroupBy(a => (a.Outcome, a.Horizon)))
        {
            var pooled = group.ToList();
            if (pooled.Count < 2)
            {
                continue;
            }

            var sites = pooled.SelectMany(a => a.Sites).ToList();
            var studies = StudyEffects.FromStandardErrors(sites.Select(s => s.Estimate).ToArray(), sites.Select(s => s.StandardError).ToArray(), sites.Select(s => s.Label).ToArray());
            var test = SubgroupAnalyzer.Separate(studies, sites.Select(s => s.Type).ToArray(), pooled[0].Fit!.Options);
            rows.Add(new ResultRow($"{group.Key.Outcome}|{group.Key.Horizon}",
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["outcome"] = group.Key.Outcome,
                    ["horizon"] = group.Key.Horizon,
                    ["types"] = string.Join(", ", test.Subgroups.Select(s => s.Name)),
                },
                new Dictionary<string, double?>(StringComparer.Ordinal)
                {
                    ["q_between"] = test.QBetween,
                    ["df"] = test.DegreesOfFreedom,
                    [ResultValue.PValue] = test.PValue,
                }));
        }

        return new ResultTable("type_differences", "Do the intervention types differ?", rows,
        [
            "Q-between test of equal pooled effects across the intervention types pooled from at least two sites (each type its own τ², REML with HKSJ), referred to χ²(types − 1).",
            "The test treats the types as independent, but types run in one site share its control arm; with so few sites it has little power, and a large p-value is no evidence that the types work alike.",
        ]);
    }

    /// <summary>The tables in report order: meta, sites, type_differences.</summary>
    public IReadOnlyList<ResultTable> Tables() => [MetaTable(), SitesTable(), TypeDifferencesTable()];

    private static int TypeRank(string type)
    {
        var rank = TypeOrder.ToList().IndexOf(type);
        return rank < 0 ? TypeOrder.Count : rank;
    }
}
