using Research.Scales.Instruments;
using Research.Scales.Responses;
using Research.Scales.Scoring;
using Research.Statistics.Indices;

namespace Research.Analysis.Inference;

/// <summary>
/// The pre-specified wellbeing primary outcome (issue 12): one Anderson (2008) inverse-covariance-weighted summary
/// index, standardised on the control group, so the survey has one primary test instead of fifteen. It takes one
/// score per construct the experiments meant to move, the longest validated scale of each: mental wellbeing
/// (WHO-5), life satisfaction (SWLS), psychological distress (K10, reversed), general health (RAND-36), mastery
/// (Pearlin), loneliness (De Jong Gierveld 11 items, reversed) and social trust. The other instruments measure the
/// same constructs again (Cantril ladder, CBS life satisfaction, MHI-5, self-rated health, GSE, Rosenberg, the
/// 6-item loneliness scale, institutional trust): in the index they would add near-duplicate components whose
/// pairwise covariance can fail to be positive definite; they stay secondary outcomes (BH across instruments).
/// Instrument scores follow each instrument's own missing-item rule (prorating where allowed); the index averages
/// the components a respondent has.
/// </summary>
public static class WellbeingIndex
{
    /// <summary>The components, in index order.</summary>
    public static IReadOnlyList<WellbeingComponent> Components { get; } =
    [
        new("who5", "raw"),
        new("swls", "total"),
        new("k10", "total", HigherIsBetter: false),
        new("rand36_gh", "gh"),
        new("pearlin_mastery", "total"),
        new("djg11", "total", HigherIsBetter: false),
        new("trust_general", "score"),
    ];

    /// <summary>Scores the components of every row of <paramref name="responses"/> and combines them into the index.</summary>
    /// <param name="catalog">The instruments.</param>
    /// <param name="responses">One row per respondent (one wave).</param>
    /// <param name="isControl">Whether each row's respondent is in the control arm (the index is standardised on them).</param>
    /// <exception cref="KeyNotFoundException">An instrument or score of <see cref="Components"/> is not in the catalog.</exception>
    /// <exception cref="ArgumentException">The responses lack an item column.</exception>
    public static SummaryIndexResult Compute(InstrumentCatalog catalog, IItemResponses responses, IReadOnlyList<bool> isControl)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(responses);
        var components = Components.Select(c =>
        {
            var values = InstrumentScorer.Score(catalog[c.Instrument], responses)[c.Score].Values;
            return new IndexComponent(c.Instrument + "." + c.Score, values.Select(v => v ?? double.NaN).ToArray(), c.HigherIsBetter);
        }).ToList();
        return SummaryIndex.Compute(components, isControl);
    }
}
