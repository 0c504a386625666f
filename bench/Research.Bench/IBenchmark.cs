namespace Research.Bench;

/// <summary>One named benchmark that prints its own figures (time, allocations, peak memory, peer ratios).</summary>
public interface IBenchmark
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark and returns the process exit code.</summary>
    int Run(string[] args);
}
