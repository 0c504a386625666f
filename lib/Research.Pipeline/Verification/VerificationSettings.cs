using Research.Analysis.Results;

namespace Research.Pipeline.Verification;

/// <summary>What <c>research verify</c> was asked to do.</summary>
public sealed record VerificationSettings
{
    /// <summary>The output directory of a recorded run (with <c>provenance.json</c>).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The notebooks shipped with the tool, for a record that used them.</summary>
    public required string ShippedNotebookDirectory { get; init; }

    /// <summary>Relative tolerance for numbers.</summary>
    public double Tolerance { get; init; } = ResultComparison.DefaultTolerance;

    /// <summary>Where to re-execute; null for a new temporary directory, removed afterwards (a given directory is kept).</summary>
    public string? ScratchDirectory { get; init; }

    /// <summary>How many notebooks run at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How long one cell may run.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The memory limit of each notebook process, or null for none.</summary>
    public long? MemoryLimitBytes { get; init; }
}
