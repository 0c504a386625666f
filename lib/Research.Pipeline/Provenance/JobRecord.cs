using Research.Pipeline.Hashing;

namespace Research.Pipeline.Provenance;

/// <summary>One notebook of a run in the provenance record: executed now, or taken from the cache.</summary>
/// <param name="Name">Job name.</param>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Parameters">Injected parameters (paths relative to the output directory).</param>
/// <param name="Cached">Whether this run took the outputs from the cache instead of executing the notebook.</param>
/// <param name="ProducedAt">When the outputs were actually produced (for a cached job: by the earlier run that wrote them).</param>
/// <param name="Seconds">How long the run that produced them took.</param>
/// <param name="Reasons">Why the notebook was executed (empty when cached).</param>
/// <param name="Outputs">The outputs with their hashes, relative to the output directory.</param>
public sealed record JobRecord(
    string Name, string Notebook, IReadOnlyDictionary<string, string> Parameters, bool Cached, DateTimeOffset ProducedAt, double Seconds,
    IReadOnlyList<string> Reasons, IReadOnlyList<FileHash> Outputs);
