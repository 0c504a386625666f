using System.Globalization;
using MathNet.Numerics.Distributions;
using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>
/// The random-effects meta-analysis of one intervention type on one outcome at one horizon across the sites that ran
/// it, with one method. With a single site nothing is pooled: the site's own estimate is reported and
/// <see cref="Fit"/> is null (τ², heterogeneity and the prediction interval are not defined for k = 1).
/// </summary>
/// <param name="Type">Intervention type.</param>
/// <param name="Outcome">Outcome key.</param>
/// <param name="Horizon">Horizon key: months after randomisation, or <c>primary</c> (each site's pre-registered horizon).</param>
/// <param name="Method">How the sites were pooled.</param>
/// <param name="Sites">One effect per site that could be pooled.</param>
/// <param name="Fit">The meta-analysis; null when fewer than two sites are left.</param>
/// <param name="Withheld">Arm estimates left out because disclosure control withheld them.</param>
/// <param name="Note">Why the row is not an ordinary pooled estimate, if it is not.</param>
public sealed record TypeMetaAnalysis(string Type, string Outcome, string Horizon, SynthesisMethod Method, IReadOnlyList<SiteTypeEffect> Sites,
    MetaAnalysisResult? Fit, IReadOnlyList<SiteEstimate> Withheld, string? Note)
{
    /// <summary>The horizon key of the analysis that pools each site at its own primary horizon.</summary>
    public const string PrimaryHorizon = "primary";

    /// <summary>Number of sites pooled.</summary>
    public int K => Sites.Count;

    /// <summary>Row key in the <c>meta</c> table: <c>{type}|{outcome}|{horizon}|{method}</c>.</summary>
    public string Key => $"{Type}|{Outcome}|{Horizon}|{Method.Key}";

    /// <summary>
    /// Pools <paramref name="estimates"/> (all of one type, outcome and horizon key): withheld ones are set aside, arms of
    /// one site are combined (<see cref="SiteTypeEffect.Combine"/>), and two or more sites are meta-analysed.
    /// </summary>
    public static TypeMetaAnalysis Pool(string type, string outcome, string horizon, SynthesisMethod method, IReadOnlyList<SiteEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(estimates);
        var withheld = estimates.Where(e => e.IsWithheld).ToList();
        var sites = estimates.Where(e => !e.IsWithheld)
            .GroupBy(e => e.Site, StringComparer.Ordinal)
            .Select(g => SiteTypeEffect.Combine(g.ToList()))
            .ToList();
        if (sites.Count < 2)
        {
            var note = sites.Count == 1 ? "k = 1: a single site, not pooled; its own estimate is shown" : "no site estimate could be pooled (all withheld or none ran this type)";
            return new TypeMetaAnalysis(type, outcome, horizon, method, sites, null, withheld, note);
        }

        var studies = StudyEffects.FromStandardErrors(sites.Select(s => s.Estimate).ToArray(), sites.Select(s => s.PoolingStandardError).ToArray(), sites.Select(s => s.Label).ToArray());
        var fit = MetaAnalyzer.Fit(studies, method.Options);
        return new TypeMetaAnalysis(type, outcome, horizon, method, sites, fit, withheld, fit.Heterogeneity.Tau2 == 0 ? Tau2ZeroNote : null);
    }

    /// <summary>What a reader must know when the between-site variance is estimated as zero.</summary>
    public const string Tau2ZeroNote = "τ² = 0: no between-site variation beyond chance was estimated, so the prediction interval equals the confidence interval; with this few sites that is no evidence that the effect is the same everywhere";

    /// <summary>The pooled estimate, or the single site's.</summary>
    public double? Estimate => Fit?.Estimate ?? Single?.Estimate;

    /// <summary>The confidence interval of <see cref="Estimate"/>: the meta-analysis's, the single arm's as recorded, or a normal interval for a single site's combined arms.</summary>
    public Interval? ConfidenceInterval => Fit?.ConfidenceInterval ?? Single?.ConfidenceInterval;

    /// <summary>The planted value this analysis estimates: the sites' planted effects with the meta-analysis weights.</summary>
    public double? PlantedEffect(PlantedEffects truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (K == 0)
        {
            return null;
        }

        var planted = Sites.Select(truth.Itt).ToList();
        if (planted.Any(p => p is null))
        {
            return null;
        }

        return Fit is null ? planted[0] : planted.Select((p, i) => Fit.WeightsPercent[i] / 100 * p!.Value).Sum();
    }

    /// <summary>The standard error of <see cref="Estimate"/>.</summary>
    public double? StandardError => Fit?.StandardError ?? Single?.StandardError;

    /// <summary>The p-value of no effect: the meta-analysis's, or the single site's.</summary>
    public double? PValue => Fit?.PValue ?? SinglePValue();

    /// <summary>Whether the interval contains the planted effect; null when either is unknown.</summary>
    public bool? Covers(PlantedEffects truth) => PlantedEffect(truth) is { } t && ConfidenceInterval is { } ci ? ci.Contains(t) : null;

    /// <inheritdoc />
    public override string ToString() => Fit is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Key}: {Note}")
        : $"{Key}: {Fit}";

    private SiteTypeEffect? Single => Fit is null && K == 1 ? Sites[0] : null;

    private double? SinglePValue() => Single switch
    {
        null => null,
        { Arms: [{ PValue: { } p }] } => p,
        { } s => 2 * Normal.CDF(0, 1, -Math.Abs(s.Estimate / s.StandardError)),
    };
}
