using Research.Statistics.Adjustment;
using Research.Statistics.Caching;

namespace Research.Analysis.Inference;

/// <summary>
/// The factored Lin designs of one <see cref="EffectPopulation"/>, by <see cref="LinDesignKey"/>: a report fits the
/// same persons' design to many outcomes, horizons and estimands (ITT, take-up, the residualised outcomes of the effect
/// on the treated), and factoring it (above all CR2's per-cluster work) costs far more than a fit.
/// </summary>
/// <remarks>
/// Bounded: the most recently used designs are kept up to <see cref="Capacity"/> entries and
/// <see cref="PersonBudget"/> persons in all, so a national-size population does not hold every design it ever used.
/// A design is factored once even when several threads ask for it at once (the others wait for it), and factored
/// designs are immutable, so one may serve many threads. A design that fails to factor is not kept: asking again
/// retries and fails the same way.
/// </remarks>
internal sealed class LinDesignCache
{
    /// <summary>At most this many designs are kept.</summary>
    public const int Capacity = 64;

    /// <summary>
    /// At most this many persons summed over the designs kept (the design columns and CR2's adjusted columns dominate
    /// the memory): room for the HC2 and the CR2 design of the largest municipality at national size (103,000 persons)
    /// and a subgroup's, which is what the sections' loop orders need.
    /// </summary>
    public const int PersonBudget = 300_000;

    private readonly RecentlyUsedCache<LinDesignKey, FactoredLinDesign> _recent = new(Capacity, PersonBudget, key => key.Count);

    /// <summary>The design of <paramref name="key"/>, factored by <paramref name="factor"/> when it is not kept.</summary>
    public FactoredLinDesign GetOrFactor(LinDesignKey key, Func<FactoredLinDesign> factor) => _recent.GetOrCreate(key, factor);
}
