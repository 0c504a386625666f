using Research.Pipeline.Hashing;

namespace Research.Pipeline.Provenance;

/// <summary>The notebooks a run executed.</summary>
/// <param name="Directory">Their directory relative to the output directory, or null for the notebooks shipped with the tool.</param>
/// <param name="Files">Every notebook with its hash.</param>
public sealed record NotebookRecord(string? Directory, IReadOnlyList<FileHash> Files);
