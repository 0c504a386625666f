using Research.Statistics.Adjustment;

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

    /// <summary>At most this many persons summed over the designs kept (the design columns dominate the memory).</summary>
    public const int PersonBudget = 200_000;

    private readonly object _gate = new();
    private readonly LinkedList<(LinDesignKey Key, Lazy<FactoredLinDesign> Design)> _recent = new();

    /// <summary>The design of <paramref name="key"/>, factored by <paramref name="factor"/> when it is not kept.</summary>
    public FactoredLinDesign GetOrFactor(LinDesignKey key, Func<FactoredLinDesign> factor)
    {
        Lazy<FactoredLinDesign> design;
        lock (_gate)
        {
            var node = _recent.First;
            while (node is not null && !node.Value.Key.Equals(key))
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
            }
            else
            {
                node = _recent.AddFirst((key, new Lazy<FactoredLinDesign>(factor, LazyThreadSafetyMode.ExecutionAndPublication)));
                var persons = _recent.Sum(entry => entry.Key.Count);
                while (_recent.Count > 1 && (_recent.Count > Capacity || persons > PersonBudget))
                {
                    persons -= _recent.Last!.Value.Key.Count;
                    _recent.RemoveLast();
                }
            }

            design = node.Value.Design;
        }

        try
        {
            return design.Value;
        }
        catch
        {
            lock (_gate)
            {
                var failed = _recent.First;
                while (failed is not null && !ReferenceEquals(failed.Value.Design, design))
                {
                    failed = failed.Next;
                }

                if (failed is not null)
                {
                    _recent.Remove(failed);
                }
            }

            throw;
        }
    }
}
