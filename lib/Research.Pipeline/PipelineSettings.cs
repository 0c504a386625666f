using Research.Pipeline.Provenance;
using Research.Pipeline.Running;

namespace Research.Pipeline;

/// <summary>What a pipeline run was asked to do.</summary>
public sealed record PipelineSettings
{
    /// <summary>The output directory.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The extract directory; null to generate extracts into <c>OUT/extracts</c> with <see cref="GenerateExtracts"/>.</summary>
    public string? ExtractDirectory { get; init; }

    /// <summary>
    /// Writes extracts into the directory it is given and says how (the synthetic generator; the pipeline does not know
    /// it). Called under the output directory's lock; required when <see cref="ExtractDirectory"/> is null.
    /// </summary>
    public Func<string, GeneratedExtracts>? GenerateExtracts { get; init; }

    /// <summary>The directory holding <c>municipal-report.ipynb</c> and <c>synthesis.ipynb</c>.</summary>
    public required string NotebookDirectory { get; init; }

    /// <summary>Whether <see cref="NotebookDirectory"/> holds the notebooks shipped with the tool (recorded as such, not as a path).</summary>
    public bool NotebooksShippedWithTool { get; init; }

    /// <summary>How many notebooks run at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Each notebook's share of the processors when <see cref="Parallelism"/> of them run at once: the processor count
    /// divided by the parallelism, at least one.
    /// </summary>
    public int ProcessorsPerJob => Math.Max(1, Environment.ProcessorCount / Math.Max(1, Parallelism));

    /// <summary>
    /// The synthesis's processors: all of them, since it needs every municipal report's results and so always runs
    /// alone (at national scale it reads the whole register panel and fits the pooled model, which use them all).
    /// </summary>
    public int ProcessorsForSynthesis { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The size of an extract's inputs from which its notebooks run with <see cref="CodeCompilation.Tiered"/> instead of
    /// <see cref="CodeCompilation.Precompiled"/>: 128 MiB, about sixteen times the default synthetic extract (8.5 MB). At
    /// eight times it precompiled notebooks still cost a sixth less CPU time, nationally (977 MB) a quarter more; the
    /// threshold is where the two lines meet (measurements in <see cref="CodeCompilation"/>'s remarks).
    /// </summary>
    public long TieredCompilationFromBytes { get; init; } = 128L << 20;

    /// <summary>How the notebooks of an extract whose inputs hold <paramref name="extractBytes"/> bytes compile their code.</summary>
    public CodeCompilation CompilationFor(long extractBytes) =>
        extractBytes >= TieredCompilationFromBytes ? CodeCompilation.Tiered : CodeCompilation.Precompiled;

    /// <summary>Run every notebook even when nothing it depends on changed.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// The output directory of a recorded run whose validation this run takes over while it stands (the same input bytes,
    /// tool build and external-resources setting, its <c>validation.txt</c> intact), even under <see cref="Force"/>; null
    /// (the default) for the run's own cache only. <c>verify</c> sets it: it re-executes the notebooks of a run whose
    /// inputs it has just checked against the record, and the same build gives the same bytes the same verdict, so
    /// checking them again would only repeat the recorded validation (at national scale, a quarter of a minute).
    /// </summary>
    public string? RecordedValidationDirectory { get; init; }

    /// <summary>List what would run and why, without running or writing anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>How long one cell may run.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The memory limit of each notebook process, or null for none.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Whether data-package resources outside the extract directory may be read (they are then hashed like the rest).</summary>
    public bool AllowExternalResources { get; init; }

    /// <summary>Whether validation writes the extract cache into the extract directory (verify does not write into a recorded run).</summary>
    public bool WriteExtractCache { get; init; } = true;
}
