using Research.Statistics.Adjustment;
using Research.Statistics.Caching;

namespace Research.Analysis.Inference;

/// <summary>
/// The factored Lin designs of one <see cref="EffectPopulation"/>, by <see cref="LinDesignKey"/>: a report fits the
/// same persons' design to many outcomes, horizons and estimands (ITT, take-up, the residualised outcomes of the effect
/// on the treated), and factoring it (above all CR2's per-cluster work) costs far more than a fit.
/// </summary>
/// <remarks>
/// Bounded: the designs of parts of the population (subgroups, respondents, persons observed at a horizon) are kept most
/// recently used first, up to <see cref="Capacity"/> entries and <see cref="PersonBudget"/> persons in all, so a
/// national-size population does not hold every design it ever used. The designs of the whole population are kept
/// apart and never evicted: nearly every section fits them, and among the subsets' designs they were evicted and
/// factored again (Groningen at national size: its two largest designs factored twice, about 3 s of a 60-80 s report).
/// A design is factored once even when several threads ask for it at once (the others wait for it), and factored
/// designs are immutable, so one may serve many threads. A design that fails to factor is not kept: asking again
/// retries and fails the same way.
/// </remarks>
internal sealed class LinDesignCache(int populationCount)
{
    /// <summary>At most this many designs of parts of the population are kept.</summary>
    public const int Capacity = 64;

    /// <summary>
    /// At most this many persons summed over the designs of parts of the population kept (the design columns and CR2's
    /// adjusted columns dominate the memory): room for a subgroup's HC2 and CR2 designs at national size, which is what
    /// the sections' loop orders need.
    /// </summary>
    public const int PersonBudget = 300_000;

    /// <summary>At most this many designs of the whole population: HC2 and CR2, at two confidence levels.</summary>
    private const int WholePopulationCapacity = 4;

    private readonly RecentlyUsedCache<LinDesignKey, FactoredLinDesign> _recent = new(Capacity, PersonBudget, key => key.Count);
    private readonly RecentlyUsedCache<LinDesignKey, FactoredLinDesign> _whole = new(WholePopulationCapacity, WholePopulationCapacity, _ => 1);

    /// <summary>The design of <paramref name="key"/>, factored by <paramref name="factor"/> when it is not kept.</summary>
    public FactoredLinDesign GetOrFactor(LinDesignKey key, Func<FactoredLinDesign> factor) =>
        (key.Count == populationCount ? _whole : _recent).GetOrCreate(key, factor);
}
