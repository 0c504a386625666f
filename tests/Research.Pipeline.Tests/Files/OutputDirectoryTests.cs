using Research.Pipeline.Files;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests.Files;

/// <summary>One run per output directory at a time, and no input among the outputs.</summary>
public sealed class OutputDirectoryTests
{
    [Fact]
    public async Task A_second_run_into_the_same_directory_is_refused_while_the_first_runs_and_the_first_keeps_its_outputs()
    {
        var world = new PipelineWorld();
        var release = new TaskCompletionSource();
        world.Runner.Gate = release.Task;
        var first = new ReportPipeline(world.Settings, world.Runner, TextWriter.Null, world.Tool).RunAsync(CancellationToken.None);
        await WaitUntil(() => File.Exists(Path.Combine(world.Out, OutputLock.FileName + ".owner")));

        var other = new FakeRunner { Value = _ => 99 };
        var e = await Assert.ThrowsAsync<PipelineException>(() => new ReportPipeline(world.Settings, other, TextWriter.Null, world.Tool).RunAsync(CancellationToken.None));

        Assert.Contains("is in use by another run (process", e.Message);
        Assert.Empty(other.Ran);
        release.SetResult();
        Assert.True((await first).Succeeded);
        Assert.Contains("\"n\": 1", File.ReadAllText(Path.Combine(world.Out, "reports", "utrecht.results.json")));

        var (after, _) = await world.RunAsync();
        Assert.True(after.Succeeded); // the lock is released when the run ends
    }

    [Theory]
    [InlineData("reports")]
    [InlineData("logs")]
    [InlineData(".cache")]
    public async Task Extracts_inside_a_directory_the_run_replaces_are_refused(string where)
    {
        var world = new PipelineWorld();
        var inside = Path.Combine(world.Out, where, "extracts");
        Directory.CreateDirectory(Path.GetDirectoryName(inside)!);
        Directory.Move(world.Extracts, inside);

        var e = await Assert.ThrowsAsync<PipelineException>(() => world.RunAsync(world.Settings with { ExtractDirectory = inside }));

        Assert.Contains("lies among the outputs", e.Message);
        Assert.Empty(world.Runner.Ran);
    }

    [Fact]
    public async Task Notebooks_reached_through_a_link_into_the_reports_are_refused()
    {
        var world = new PipelineWorld();
        var reports = Directory.CreateDirectory(Path.Combine(world.Out, "reports")).FullName;
        foreach (var notebook in Directory.GetFiles(world.Notebooks))
        {
            File.Move(notebook, Path.Combine(reports, Path.GetFileName(notebook)));
        }

        var link = Path.Combine(world.Root, "linked-notebooks");
        Directory.CreateSymbolicLink(link, reports);

        var e = await Assert.ThrowsAsync<PipelineException>(() => world.RunAsync(world.Settings with { NotebookDirectory = link }));

        Assert.Contains("synthesis.ipynb lies among the outputs", e.Message.Replace("municipal-report", "synthesis", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_cache_entry_only_costs_a_rerun()
    {
        var directory = Scratch.Directory();
        File.WriteAllText(Path.Combine(directory, "utrecht.json"), "{ broken");

        Assert.Null(new Research.Pipeline.Caching.JobCache(directory).Load("utrecht"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
