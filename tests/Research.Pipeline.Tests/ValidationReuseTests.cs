using Research.Data.Caching;
using Research.Pipeline.Jobs;
using Research.Pipeline.Running;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests;

/// <summary>
/// Validation is a cached step like the reports: a run whose extract inputs, tool build and switches are those of the
/// last successful validation reuses its verdict and municipalities, and every other case validates again, naming why.
/// </summary>
public sealed class ValidationReuseTests
{
    [Fact]
    public async Task A_second_run_reuses_the_validation_and_finds_the_same_reports()
    {
        var world = new PipelineWorld();
        var (first, ran) = await world.RunAsync();
        Assert.True(first.Succeeded, world.Log.ToString());
        Assert.Contains("validation: runs because no cache entry", world.Log.ToString());
        Assert.Contains("validated the extracts: 0 errors", world.Log.ToString());
        var report = File.ReadAllText(Path.Combine(world.Out, "validation.txt"));

        File.AppendAllText(Path.Combine(world.Notebooks, "municipal-report.ipynb"), " ");
        var (second, again) = await world.RunAsync();

        Assert.True(second.Succeeded, world.Log.ToString());
        Assert.Contains("validation: up to date (validated ", world.Log.ToString());
        Assert.DoesNotContain("validated the extracts", world.Log.ToString());
        Assert.Equal(PipelineWorld.Municipalities, again); // the fake runner's results are unchanged, so the synthesis is up to date
        Assert.Equal(report, File.ReadAllText(Path.Combine(world.Out, "validation.txt")));
    }

    [Fact]
    public async Task Workers_are_prepared_while_validation_runs_and_not_when_it_is_reused_or_only_planned()
    {
        var world = new PipelineWorld();
        var processors = new System.Collections.Concurrent.ConcurrentDictionary<string, int?>();
        world.Runner.Ending = (job, request) =>
        {
            processors[job.Name] = request.Processors;
            return null;
        };
        await world.RunAsync(world.Settings with { Parallelism = 3, ProcessorsForSynthesis = 5 });
        Assert.Equal(2, world.Runner.Prepared.Count);
        var (reports, count) = world.Runner.Prepared[0];
        Assert.Equal((Path.GetFullPath(world.Out), 3), (reports.OutputDirectory, count));
        var perReport = Math.Max(1, Environment.ProcessorCount / 3);
        Assert.Equal(perReport, reports.Processors);
        // Once every report has started, the synthesis's process (all processors: it always runs alone) gets ready.
        Assert.Equal((5, 1), (world.Runner.Prepared[1].Process.Processors, world.Runner.Prepared[1].Count));
        Assert.All(PipelineWorld.Municipalities, m => Assert.Equal(perReport, processors[m]));
        Assert.Equal(5, processors[JobBuilder.SynthesisJob]);

        await world.RunAsync();
        await world.RunAsync(world.Settings with { Force = true, DryRun = true });

        Assert.Equal(2, world.Runner.Prepared.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Notebooks_of_an_extract_past_the_size_threshold_run_tiered_and_others_precompiled(bool large)
    {
        var world = new PipelineWorld();
        var compilations = new System.Collections.Concurrent.ConcurrentBag<CodeCompilation>();
        world.Runner.Ending = (job, request) =>
        {
            compilations.Add(request.Compilation);
            return null;
        };
        var bytes = Directory.EnumerateFiles(world.Extracts).Sum(f => new FileInfo(f).Length);

        await world.RunAsync(world.Settings with { TieredCompilationFromBytes = large ? bytes / 2 : bytes * 2 });

        var expected = large ? CodeCompilation.Tiered : CodeCompilation.Precompiled;
        Assert.Equal(PipelineWorld.Municipalities.Count + 1, compilations.Count);
        Assert.All(compilations, c => Assert.Equal(expected, c));
        Assert.All(world.Runner.Prepared, p => Assert.Equal(expected, p.Process.Compilation));
        Assert.NotEmpty(world.Runner.Prepared);
    }

    [Theory]
    [InlineData("input participants changed")]
    [InlineData("output validation.txt is missing")]
    [InlineData("output validation.txt changed since it was written")]
    [InlineData("--force")]
    [InlineData("the tool build changed")]
    [InlineData("output .research-cache (the extract cache the reports read) is missing")]
    public async Task Every_other_case_validates_again_and_says_why(string reason)
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        var settings = world.Settings;
        switch (reason)
        {
            case "input participants changed":
                PipelineWorld.ChangeFirstRow(Path.Combine(world.Extracts, "data/participants.csv"), "birth_year");
                break;
            case "output validation.txt is missing":
                File.Delete(Path.Combine(world.Out, "validation.txt"));
                break;
            case "output validation.txt changed since it was written":
                File.AppendAllText(Path.Combine(world.Out, "validation.txt"), "all fine\n");
                break;
            case "--force":
                settings = settings with { Force = true };
                break;
            case "the tool build changed":
                world.Tool = world.Tool with { LibraryBuild = new string('0', 64) };
                break;
            default:
                Directory.Delete(Path.Combine(world.Extracts, ExtractCache.DirectoryName), recursive: true);
                break;
        }

        var (result, _) = await world.RunAsync(settings);

        Assert.True(result.Succeeded, world.Log.ToString());
        Assert.Contains($"validation: runs because {reason}", world.Log.ToString());
        Assert.Contains("validated the extracts: 0 errors", world.Log.ToString());
        Assert.DoesNotContain("all fine", File.ReadAllText(Path.Combine(world.Out, "validation.txt")));
        Assert.True(Directory.Exists(Path.Combine(world.Extracts, ExtractCache.DirectoryName)));
    }

    [Fact]
    public async Task An_extract_made_invalid_after_a_valid_run_is_caught_and_runs_nothing()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        var participants = Path.Combine(world.Extracts, "data/participants.csv");
        var lines = File.ReadAllLines(participants);
        File.WriteAllLines(participants, [.. lines, lines[1]]); // a duplicate person id

        var (result, ran) = await world.RunAsync();
        Assert.False(result.Succeeded);
        Assert.Empty(ran);
        Assert.Contains("validation: runs because input participants changed", world.Log.ToString());

        var (again, _) = await world.RunAsync();
        Assert.False(again.Succeeded); // the failed verdict is not cached as a pass
        Assert.Contains("validation: runs because no cache entry", world.Log.ToString());
    }
}
