using System.CommandLine;
using System.Globalization;

namespace Research.Cli.Pipeline;

/// <summary>The options run-all and verify share: how many notebooks at once, the cell timeout and the memory limit per notebook.</summary>
internal sealed class NotebookLimits
{
    private NotebookLimits(Option<int> parallel, Option<double> timeout, Option<string?> memoryLimit)
    {
        Parallel = parallel;
        Timeout = timeout;
        MemoryLimit = memoryLimit;
    }

    public Option<int> Parallel { get; }

    public Option<double> Timeout { get; }

    public Option<string?> MemoryLimit { get; }

    /// <summary>Creates the options with their validators (bad values are usage errors, exit 2).</summary>
    public static NotebookLimits Create()
    {
        var parallel = new Option<int>("--parallel") { Description = "How many notebooks run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 600 };
        var memory = new Option<string?>("--memory-limit")
        {
            Description = "Memory limit per notebook process (its GC heap), e.g. 4G or 512M, or 'none' (default: 80% of the available memory shared by the notebooks that run at once).",
        };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--parallel must be at least 1");
            }
        });
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= 7 * 24 * 3600))
            {
                r.AddError("--timeout must be a number of seconds greater than 0 (at most a week)");
            }
        });
        memory.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !Research.Pipeline.Running.MemoryLimit.TryParse(text, out _))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"--memory-limit must be a size such as 4G, 512M or a number of bytes of at least {Research.Pipeline.Running.MemoryLimit.MinimumBytes >> 20}M, or 'none'"));
            }
        });
        return new NotebookLimits(parallel, timeout, memory);
    }

    /// <summary>The options, to add to a verb.</summary>
    public IEnumerable<Option> All => [Parallel, Timeout, MemoryLimit];

    /// <summary>The memory limit per notebook the command line asks for (the default when not given).</summary>
    public long? MemoryLimitBytes(ParseResult parse)
    {
        if (parse.GetValue(MemoryLimit) is { } text && Research.Pipeline.Running.MemoryLimit.TryParse(text, out var bytes))
        {
            return bytes;
        }

        return Research.Pipeline.Running.MemoryLimit.DefaultBytes(parse.GetValue(Parallel));
    }
}
