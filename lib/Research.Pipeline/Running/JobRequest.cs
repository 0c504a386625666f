using Research.Pipeline.Jobs;

namespace Research.Pipeline.Running;

/// <summary>What a job runner is asked to do: run one job's notebook with the pipeline's limits.</summary>
/// <param name="Job">The job.</param>
/// <param name="OutputDirectory">The output directory (full path): the notebook's working directory, and the root of the job's relative paths.</param>
/// <param name="CellTimeout">How long one cell may run.</param>
/// <param name="MemoryLimitBytes">The notebook's memory limit (the child's GC heap), or null for none.</param>
/// <param name="AllowExternalResources">Whether the notebook may read data-package resources outside the extract directory.</param>
public sealed record JobRequest(NotebookJob Job, string OutputDirectory, TimeSpan CellTimeout, long? MemoryLimitBytes, bool AllowExternalResources)
{
    /// <summary>
    /// How many processors the notebook's process may count on (its share of the machine when jobs run side by side),
    /// or null for all of them; parallel loops inside the notebook size themselves by it.
    /// </summary>
    public int? Processors { get; init; }

    /// <summary>How the notebook's process compiles its code (<see cref="CodeCompilation.Precompiled"/> unless the pipeline chose otherwise for its extract).</summary>
    public CodeCompilation Compilation { get; init; }

    /// <summary>The settings of the process the job runs in.</summary>
    public JobProcess Process => new(OutputDirectory, MemoryLimitBytes, Processors, Compilation);

    /// <summary>A path of the job relative to the output directory, as a full path.</summary>
    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(OutputDirectory, relative));
}
