using Research.Pipeline.Inputs;

namespace Research.Pipeline.Provenance;

/// <summary>The extracts a run read.</summary>
/// <param name="Directory">The extract directory, relative to the output directory.</param>
/// <param name="AllowExternalResources">Whether resources outside the extract directory were allowed.</param>
/// <param name="Generated">Set when the pipeline generated the extracts itself.</param>
/// <param name="Inputs">Every input with its hash.</param>
public sealed record ExtractRecord(string Directory, bool AllowExternalResources, GeneratedExtracts? Generated, IReadOnlyList<InputFile> Inputs);
