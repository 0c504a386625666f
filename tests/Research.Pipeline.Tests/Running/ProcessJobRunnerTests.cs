using Research.Pipeline.Jobs;
using Research.Pipeline.Running;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests.Running;

/// <summary>The process runner with /bin/sh standing in for research: the memory limit reaches the child, output is capped, exit codes come back.</summary>
public sealed class ProcessJobRunnerTests
{
    [Fact]
    public async Task The_child_gets_the_memory_limit_and_runs_in_the_output_directory()
    {
        var (ending, log, directory) = await Run("echo \"limit=$DOTNET_GCHeapHardLimit cwd=$(pwd) args=$*\"; exit 3", memory: 1L << 30);

        Assert.Equal(3, ending.ExitCode);
        Assert.Contains("limit=40000000", log);
        Assert.Contains($"cwd={directory}", log);
        Assert.Contains("run /nb/municipal-report.ipynb -o reports/utrecht.ipynb --html reports/utrecht.html", log);
        Assert.Contains("--exit-with-parent -p municipality=utrecht", log);
    }

    [Fact]
    public async Task A_flooding_child_cannot_fill_the_disk()
    {
        var (ending, log, _) = await Run("head -c 3000000 /dev/zero | tr '\\0' x; echo done >&2", memory: null, logLimit: 100_000);

        Assert.Equal(0, ending.ExitCode);
        Assert.InRange(log.Length, 100_000, 100_100);
        Assert.Contains("[log cut at 100000 bytes]", log);
    }

    [Fact]
    public async Task A_missing_executable_is_a_start_failure()
    {
        var runner = new ProcessJobRunner(new ChildCommand("/nonexistent/research", []));

        var ending = await runner.RunAsync(Request(Scratch.Directory(), null), CancellationToken.None);

        Assert.NotNull(ending.StartFailure);
        Assert.StartsWith("could not start: /nonexistent/research", ending.Describe(), StringComparison.Ordinal);
    }

    private static async Task<(JobEnding Ending, string Log, string Directory)> Run(string script, long? memory, long logLimit = ProcessJobRunner.DefaultLogLimitBytes)
    {
        var directory = Scratch.Directory();
        Directory.CreateDirectory(Path.Combine(directory, "logs"));
        var runner = new ProcessJobRunner(new ChildCommand("/bin/sh", ["-c", script, "sh"]), logLimit);
        var ending = await runner.RunAsync(Request(directory, memory), CancellationToken.None);
        return (ending, File.ReadAllText(Path.Combine(directory, "logs", "utrecht.log")), directory);
    }

    private static JobRequest Request(string directory, long? memory) => new(
        new NotebookJob("utrecht", "/nb/municipal-report.ipynb", [new JobParameter("municipality", "utrecht")], []),
        directory, TimeSpan.FromSeconds(30), memory, AllowExternalResources: false);
}
