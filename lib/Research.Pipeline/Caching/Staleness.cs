namespace Research.Pipeline.Caching;

/// <summary>
/// Decides whether a job is up to date: every reason it must run, from its cache entry, the hashes of what it depends on
/// now and the hashes of its outputs now. An empty list means up to date. Pure, so each reason is unit-tested alone.
/// </summary>
public static class Staleness
{
    /// <summary>The reasons to run a job, in a fixed order (dependency keys in ordinal order).</summary>
    /// <param name="entry">The job's cache entry, or null when it has none.</param>
    /// <param name="dependencies">What the job depends on now.</param>
    /// <param name="currentOutputHash">The hash of an output (path relative to the output directory) now, or null when it is missing.</param>
    /// <param name="force">Whether <c>--force</c> was given.</param>
    public static IReadOnlyList<RerunReason> Reasons(CacheEntry? entry, IEnumerable<Dependency> dependencies, Func<string, string?> currentOutputHash, bool force)
    {
        ArgumentNullException.ThrowIfNull(currentOutputHash);
        if (force)
        {
            return [new RerunReason(RerunReasonKind.Forced)];
        }

        if (entry is null)
        {
            return [new RerunReason(RerunReasonKind.NeverRun)];
        }

        var now = dependencies.ToDictionary(d => d.Key, d => d.Hash, StringComparer.Ordinal);
        var reasons = new List<RerunReason>();
        foreach (var key in now.Keys.Union(entry.Dependencies.Keys).Order(StringComparer.Ordinal))
        {
            var had = entry.Dependencies.TryGetValue(key, out var before);
            var has = now.TryGetValue(key, out var hash);
            if (had && has && before != hash)
            {
                reasons.Add(new RerunReason(RerunReasonKind.Changed, key));
            }
            else if (!had)
            {
                reasons.Add(new RerunReason(RerunReasonKind.Added, key));
            }
            else if (!has)
            {
                reasons.Add(new RerunReason(RerunReasonKind.Removed, key));
            }
        }

        foreach (var output in entry.Outputs)
        {
            var hash = currentOutputHash(output.Path);
            if (hash is null)
            {
                reasons.Add(new RerunReason(RerunReasonKind.OutputMissing, output.Path));
            }
            else if (hash != output.Sha256)
            {
                reasons.Add(new RerunReason(RerunReasonKind.OutputChanged, output.Path));
            }
        }

        return reasons;
    }
}
