using System.Globalization;
using Research.Data.Design;
using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>
/// The cross-site synthesis of the municipal ITT estimates: the additive component meta-regression over all arms (the
/// primary synthesis, <see cref="Components"/>); as its sensitivity analysis, for every intervention type, outcome and
/// horizon, a random-effects meta-analysis across the municipalities with each <see cref="SynthesisMethod"/>; the
/// site-level table with the planted truth when run on synthetic data; and the test of differences between types.
/// </summary>
/// <example>
/// <code>
/// var estimates = SiteResults.Estimates(SiteResults.Load("out/reports"));
/// var synthesis = SynthesisAnalysis.Run(estimates, ExperimentCatalog.Canonical, PlantedEffects.TryLoad("out/extracts"));
/// var meta = SynthesisTables.Meta(synthesis);
/// </code>
/// </example>
public sealed class SynthesisAnalysis
{
    /// <summary>The intervention types in the order the synthesis reports them.</summary>
    public static IReadOnlyList<string> TypeOrder { get; } = ["exemption", "intensification", "earnings_disregard", "combination", "choice"];

    /// <summary>The caveat every synthesis carries: the sites did not run one protocol.</summary>
    public const string DesignCaveat = "The designs differ by site (arms, intake, intervention length, primary horizon, and what 'intensification' or 'exemption' meant locally); "
        + "a pooled estimate is an average over these different interventions, not the effect of one protocol, and the prediction interval is the better guide to what a new site can expect.";

    private SynthesisAnalysis(IReadOnlyList<SiteEstimate> estimates, IReadOnlyDictionary<string, int> primaryHorizons, IReadOnlyList<TypeMetaAnalysis> analyses,
        IReadOnlyList<ComponentEffect> components, IReadOnlyList<string> componentNotes, PlantedEffects? truth)
    {
        Components = components;
        ComponentNotes = componentNotes;
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

    /// <summary>
    /// The primary synthesis: each component's pooled effect from the additive component meta-regression over all arms
    /// (<see cref="ComponentAnalysis"/>), REML and fixed effect, with the type-level pool beside it.
    /// </summary>
    public IReadOnlyList<ComponentEffect> Components { get; }

    /// <summary>Why a component model could not be fitted, if so.</summary>
    public IReadOnlyList<string> ComponentNotes { get; }

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

        var notes = new List<string>();
        var components = ComponentAnalysis.Fit(estimates, designs, analyses, notes);
        return new SynthesisAnalysis(estimates, primary, analyses, components, notes, truth);
    }

    /// <summary>The meta-analysis with the given key parts.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public TypeMetaAnalysis this[string type, string outcome, string horizon, SynthesisMethod method] =>
        MetaAnalyses.FirstOrDefault(a => a.Type == type && a.Outcome == outcome && a.Horizon == horizon && a.Method == method)
        ?? throw new KeyNotFoundException($"no meta-analysis {type}|{outcome}|{horizon}|{method.Key}");

    /// <summary>
    /// Per outcome and horizon, the Q-between test that the pooled effects of the types (those with at least two sites,
    /// <see cref="SynthesisMethod.RemlHksj"/>) are equal.
    /// </summary>
    public IReadOnlyList<TypeDifference> TypeDifferences()
    {
        var differences = new List<TypeDifference>();
        foreach (var group in MetaAnalyses.Where(a => a.Method == SynthesisMethod.RemlHksj && a.Fit is not null).GroupBy(a => (a.Outcome, a.Horizon)))
        {
            var pooled = group.ToList();
            if (pooled.Count < 2)
            {
                continue;
            }

            var sites = pooled.SelectMany(a => a.Sites).ToList();
            var studies = StudyEffects.FromStandardErrors(sites.Select(s => s.Estimate).ToArray(), sites.Select(s => s.PoolingStandardError).ToArray(), sites.Select(s => s.Label).ToArray());
            differences.Add(new TypeDifference(group.Key.Outcome, group.Key.Horizon, SubgroupAnalyzer.Separate(studies, sites.Select(s => s.Type).ToArray(), pooled[0].Fit!.Options)));
        }

        return differences;
    }

    private static int TypeRank(string type)
    {
        var rank = TypeOrder.ToList().IndexOf(type);
        return rank < 0 ? TypeOrder.Count : rank;
    }
}
