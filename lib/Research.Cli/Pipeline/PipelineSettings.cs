namespace Research.Cli.Pipeline;

/// <summary>What <c>research run-all</c> was asked to do.</summary>
public sealed record PipelineSettings
{
    /// <summary>The extract directory; null to generate synthetic extracts into <c>OUT/extracts</c>.</summary>
    public string? ExtractDirectory { get; init; }

    /// <summary>Seed of generated extracts.</summary>
    public ulong Seed { get; init; } = SyntheticDefaults.Seed;

    /// <summary>The output directory.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The directory holding <c>municipal-report.ipynb</c> and <c>synthesis.ipynb</c>.</summary>
    public required string NotebookDirectory { get; init; }

    /// <summary>How many notebooks run at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Re-run notebooks even when nothing they depend on changed.</summary>
    public bool Force { get; init; }

    /// <summary>Seconds one cell may run.</summary>
    public double CellTimeoutSeconds { get; init; } = 600;

    /// <summary>The report directory inside the output directory.</summary>
    public string ReportDirectory => Path.Combine(OutputDirectory, "reports");
}

/// <summary>Defaults of the synthetic extracts the pipeline generates.</summary>
public static class SyntheticDefaults
{
    /// <summary>The seed: the date the first experiment started, 1 October 2017.</summary>
    public const ulong Seed = 20171001;
}
