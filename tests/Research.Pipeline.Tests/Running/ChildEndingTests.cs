using Research.Pipeline.Running;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests.Running;

/// <summary>Every way a child can end is a failure message (never an exception), leaves no cache entry and no result file.</summary>
public sealed class ChildEndingTests
{
    [Theory]
    [InlineData(1, "FAILED: failed (exit 1: a cell failed)")]
    [InlineData(134, "FAILED: aborted (SIGABRT: Environment.FailFast, a stack overflow or another runtime abort)")]
    [InlineData(137, "FAILED: was killed (SIGKILL: the out-of-memory killer or kill -9)")]
    [InlineData(255, "FAILED: failed (exit 255)")]
    public async Task A_failing_exit_code_is_described(int exitCode, string message)
    {
        var world = new PipelineWorld();
        world.Runner.Ending = (job, request) =>
        {
            FakeRunner.WriteOutputs(request, 1); // even with every output written
            return job.Name == "utrecht" ? new JobEnding(exitCode) : null;
        };

        var (result, _) = await world.RunAsync();

        Assert.False(result.Succeeded);
        Assert.Contains($"utrecht: {message}", world.Log.ToString());
        AssertNothingKept(world);
    }

    [Fact]
    public async Task An_exit_0_after_the_result_file_but_before_the_report_is_a_failure()
    {
        var world = new PipelineWorld();
        world.Runner.Ending = (job, request) =>
        {
            FakeRunner.WriteOutputs(request, 1);
            if (job.Name == "utrecht")
            {
                File.Delete(request.Resolve(job.Html));
                return new JobEnding(0);
            }

            return null;
        };

        var (result, _) = await world.RunAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("utrecht: FAILED: exited 0 but did not write reports/utrecht.html (did a cell end the process?)", world.Log.ToString());
        AssertNothingKept(world);
    }

    [Fact]
    public async Task An_unreadable_result_file_and_a_child_that_cannot_start_are_failures()
    {
        var world = new PipelineWorld();
        world.Runner.Ending = (job, request) =>
        {
            FakeRunner.WriteOutputs(request, 1);
            if (job.Name == "utrecht")
            {
                File.WriteAllText(request.Resolve(job.Results), "{ not json");
                return new JobEnding(0);
            }

            return job.Name == "tilburg" ? new JobEnding(-1, "research: No such file or directory") : null;
        };

        var (result, _) = await world.RunAsync();

        Assert.Contains("utrecht: FAILED: wrote a result file that cannot be read", world.Log.ToString());
        Assert.Contains("tilburg: FAILED: could not start: research: No such file or directory", world.Log.ToString());
        Assert.Contains("a municipal report failed; the synthesis was not run.", world.Log.ToString());
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task The_end_of_the_log_is_shown_with_control_characters_escaped()
    {
        var world = new PipelineWorld();
        world.Runner.Ending = (job, request) =>
        {
            File.WriteAllText(request.Resolve(job.Log), "cell 4 failed: \u001b[2Jboom\n");
            return job.Name == "utrecht" ? new JobEnding(1) : null;
        };

        await world.RunAsync();

        Assert.Contains("cell 4 failed: \\u001B[2Jboom", world.Log.ToString());
        Assert.DoesNotContain('\u001b', world.Log.ToString());
    }

    private static void AssertNothingKept(PipelineWorld world)
    {
        Assert.False(File.Exists(Path.Combine(world.Out, ".cache", "utrecht.json")));
        Assert.False(File.Exists(Path.Combine(world.Out, "reports", "utrecht.results.json")));
        Assert.False(File.Exists(Path.Combine(world.Out, "provenance.json")));
    }
}
