using System.Text.Json.Serialization;
using Research.Pipeline.Hashing;

namespace Research.Pipeline.Caching;

/// <summary>
/// What a job's last successful run depended on (one hash per named dependency), what it wrote and when, in
/// <c>OUT/.cache/NAME.json</c>.
/// </summary>
/// <param name="Job">The job name.</param>
/// <param name="Dependencies">Dependency key (e.g. <c>input:participants</c>) to hash, in ordinal key order.</param>
/// <param name="Outputs">The outputs with their hashes, relative to the output directory.</param>
/// <param name="ProducedAt">When the run that wrote the outputs finished (UTC).</param>
/// <param name="Seconds">How long that run took.</param>
public sealed record CacheEntry(string Job, IReadOnlyDictionary<string, string> Dependencies, IReadOnlyList<FileHash> Outputs, DateTimeOffset ProducedAt, double Seconds)
{
    /// <summary>For the validation step: the municipalities the valid extract holds, in catalogue order (null for a report).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Municipalities { get; init; }

    /// <summary>An entry for <paramref name="dependencies"/>.</summary>
    public static CacheEntry For(string job, IEnumerable<Dependency> dependencies, IReadOnlyList<FileHash> outputs, DateTimeOffset producedAt, double seconds) =>
        new(job, new SortedDictionary<string, string>(dependencies.ToDictionary(d => d.Key, d => d.Hash), StringComparer.Ordinal), outputs, producedAt, seconds);
}
