namespace Research.Pipeline.Jobs;

/// <summary>A parameter injected into a notebook's <c>parameters</c> cell, papermill style.</summary>
/// <param name="Name">The parameter's name in the notebook.</param>
/// <param name="Value">Its value; a path is relative to the output directory (the notebook's working directory).</param>
/// <param name="IsPath">Whether the value is a path: paths do not key the cache (the files they name do).</param>
public sealed record JobParameter(string Name, string Value, bool IsPath = false);
