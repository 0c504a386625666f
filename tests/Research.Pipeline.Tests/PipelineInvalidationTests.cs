using Research.Pipeline.Caching;
using Research.Pipeline.Tests.Support;
using Xunit.Sdk;

namespace Research.Pipeline.Tests;

/// <summary>
/// The cache on a real (small) extract with a fake runner: a job re-runs for every named reason and for no other, the
/// reason is printed, the synthesis follows the municipal results, and a dry run only tells.
/// </summary>
public sealed class PipelineInvalidationTests
{
    private static readonly IReadOnlyList<string> Everything = PipelineWorld.AllJobs.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_second_run_runs_nothing_and_says_so()
    {
        var world = new PipelineWorld();
        var (first, ran) = await world.RunAsync();
        Assert.True(first.Succeeded, world.Log.ToString());
        Assert.Equal(Everything, ran);
        Assert.Contains("utrecht: runs because no cache entry", world.Log.ToString());

        var (second, again) = await world.RunAsync();

        Assert.True(second.Succeeded);
        Assert.Empty(again);
        Assert.Equal(7, world.Log.ToString().Split('\n').Count(l => l.Contains(": up to date (produced ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("data/participants.csv", "birth_year", "input participants changed")]
    [InlineData("register_months.csv", "earnings", "input register_months changed")]
    public async Task A_changed_byte_in_any_declared_resource_reruns_every_report(string file, string column, string reason)
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        PipelineWorld.ChangeFirstRow(Path.Combine(world.Extracts, file), column);
        var (result, ran) = await world.RunAsync();

        Assert.True(result.Succeeded, world.Log.ToString());
        Assert.Equal(Everything, ran);
        Assert.Contains($"utrecht: runs because {reason}", world.Log.ToString());
    }

    [Fact]
    public async Task A_changed_notebook_reruns_its_jobs_only()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        File.AppendAllText(Path.Combine(world.Notebooks, "synthesis.ipynb"), " ");
        var (_, ran) = await world.RunAsync();

        Assert.Equal(["synthesis"], ran);
        Assert.Contains("synthesis: runs because notebook synthesis.ipynb changed", world.Log.ToString());
    }

    [Fact]
    public async Task Another_tool_build_or_other_packages_rerun_everything()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        world.Tool = world.Tool with { LibraryBuild = new string('0', 64) };
        var (_, rebuilt) = await world.RunAsync();
        Assert.Equal(Everything, rebuilt);
        Assert.Contains("deventer: runs because the tool build changed", world.Log.ToString());

        world.Tool = world.Tool with { Packages = [.. world.Tool.Packages, new Tool.PackageVersion("Some.Package", "9.9.9")] };
        var (_, repackaged) = await world.RunAsync();
        Assert.Equal(Everything, repackaged);
        Assert.Contains("deventer: runs because the package versions changed", world.Log.ToString());
    }

    [Fact]
    public async Task Force_reruns_everything()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        var (_, ran) = await world.RunAsync(world.Settings with { Force = true });

        Assert.Equal(Everything, ran);
        Assert.Contains("utrecht: runs because --force", world.Log.ToString());
    }

    [Fact]
    public async Task An_edited_output_is_rewritten()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        File.AppendAllText(Path.Combine(world.Out, "reports", "tilburg.html"), "<!-- edited -->");
        var (_, ran) = await world.RunAsync();

        Assert.Equal(["tilburg"], ran);
        Assert.Contains("tilburg: runs because output reports/tilburg.html changed since it was written", world.Log.ToString());
    }

    [Fact]
    public async Task The_synthesis_reruns_when_a_municipal_result_changes_and_not_when_it_is_reproduced()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        // The municipal notebook changes but gives the same numbers: the synthesis stays up to date.
        File.AppendAllText(Path.Combine(world.Notebooks, "municipal-report.ipynb"), " ");
        var (_, same) = await world.RunAsync();
        Assert.Equal(PipelineWorld.Municipalities, same);

        // Now Utrecht's number changes: the synthesis re-runs, naming the result file.
        File.AppendAllText(Path.Combine(world.Notebooks, "municipal-report.ipynb"), " ");
        world.Runner.Value = job => job.Name == "utrecht" ? 2.0 : 1.0;
        var (_, changed) = await world.RunAsync();

        Assert.Equal(Everything, changed);
        Assert.Contains("synthesis: runs because the utrecht result file changed", world.Log.ToString());
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_run_and_why_and_runs_and_writes_nothing()
    {
        var world = new PipelineWorld();
        var (fresh, none) = await world.RunAsync(world.Settings with { DryRun = true });
        Assert.True(fresh.Succeeded);
        Assert.Empty(none);
        Assert.False(Directory.Exists(world.Out));
        Assert.Contains("utrecht: would run because no cache entry", world.Log.ToString());

        await world.RunAsync();
        PipelineWorld.ChangeFirstRow(Path.Combine(world.Extracts, "register_months.csv"), "earnings");
        var before = Directory.EnumerateFiles(world.Out, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var (_, ran) = await world.RunAsync(world.Settings with { DryRun = true });

        Assert.Empty(ran);
        Assert.Contains("deventer: would run because input register_months changed", world.Log.ToString());
        Assert.Contains("synthesis: would run because input register_months changed; deventer runs first and its result may change", world.Log.ToString());
        Assert.All(Directory.EnumerateFiles(world.Out, "*", SearchOption.AllDirectories), f => Assert.Equal(before[f], File.ReadAllBytes(f)));
    }

    [Fact]
    public async Task A_dry_run_after_no_change_says_everything_is_up_to_date()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        await world.RunAsync(world.Settings with { DryRun = true });

        // The seven reports and the validation step.
        Assert.Equal(8, world.Log.ToString().Split('\n').Count(l => l.Contains(": up to date", StringComparison.Ordinal)));
        Assert.Contains("validation: up to date", world.Log.ToString());
    }

    /// <summary>
    /// The invalidation test above must be able to fail: with a cache that never invalidates (its entries rewritten to
    /// whatever the inputs hash to now, as a cache that hashed only some files would behave) the same check fails.
    /// </summary>
    [Fact]
    public async Task A_cache_that_never_invalidates_fails_the_invalidation_check()
    {
        await InvalidationCheck(neverInvalidate: false);

        await Assert.ThrowsAnyAsync<XunitException>(() => InvalidationCheck(neverInvalidate: true));
    }

    private static async Task InvalidationCheck(bool neverInvalidate)
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        PipelineWorld.ChangeFirstRow(Path.Combine(world.Extracts, "data", "participants.csv"), "birth_year");
        if (neverInvalidate)
        {
            var cache = new JobCache(Path.Combine(world.Out, ".cache"));
            var inputs = Research.Pipeline.Inputs.ExtractInputs.Hash(world.Extracts, allowExternal: false).ToDictionary(i => "input:" + i.Name, i => i.Sha256);
            foreach (var job in PipelineWorld.AllJobs)
            {
                var entry = cache.Load(job)!;
                cache.Store(entry with { Dependencies = entry.Dependencies.ToDictionary(d => d.Key, d => inputs.GetValueOrDefault(d.Key, d.Value)) });
            }
        }

        var (_, ran) = await world.RunAsync();

        Assert.Equal(Everything, ran);
    }
}
