using Research.Pipeline.Provenance;

namespace Research.Pipeline;

/// <summary>How a pipeline run ended.</summary>
/// <param name="Succeeded">Whether every job succeeded (or, in a dry run, whether the plan could be made).</param>
/// <param name="Provenance">The provenance record written (null for a dry run or a failure).</param>
public sealed record PipelineResult(bool Succeeded, ProvenanceRecord? Provenance);
