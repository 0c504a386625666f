using Research.Pipeline.Tests.Support;
using Research.Pipeline.Tool;

namespace Research.Pipeline.Tests;

/// <summary>The provenance record: when each output was really produced, the source revision, and no absolute path.</summary>
public sealed class ProvenanceTests
{
    [Fact]
    public async Task A_cached_job_keeps_the_time_its_outputs_were_produced()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        var first = world.Provenance;
        await Task.Delay(1100);
        File.AppendAllText(Path.Combine(world.Notebooks, "synthesis.ipynb"), " ");

        await world.RunAsync();
        var second = world.Provenance;

        var utrecht = (first.Jobs.Single(j => j.Name == "utrecht"), second.Jobs.Single(j => j.Name == "utrecht"));
        Assert.False(utrecht.Item1.Cached);
        Assert.True(utrecht.Item2.Cached);
        Assert.Equal(utrecht.Item1.ProducedAt, utrecht.Item2.ProducedAt);
        Assert.True(second.StartedAt > utrecht.Item2.ProducedAt);
        var synthesis = second.Jobs.Single(j => j.Name == "synthesis");
        Assert.False(synthesis.Cached);
        Assert.True(synthesis.ProducedAt >= second.StartedAt);
        Assert.Equal(["notebook synthesis.ipynb changed"], synthesis.Reasons);
    }

    [Fact]
    public async Task The_record_holds_no_absolute_path_and_names_the_source_revision()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        var text = File.ReadAllText(Path.Combine(world.Out, "provenance.json"));

        Assert.DoesNotContain(world.Root, text);
        Assert.DoesNotContain("\"/", text);
        Assert.Equal("../extracts", world.Provenance.Extracts.Directory);
        Assert.Equal("../notebooks", world.Provenance.Notebooks.Directory);
        Assert.Equal(new Dictionary<string, string> { ["municipality"] = "utrecht", ["extracts"] = "../extracts", ["output_dir"] = "reports" },
            world.Provenance.Jobs.Single(j => j.Name == "utrecht").Parameters);
        Assert.Matches("^[0-9a-f]{40}$", SourceRevision.OfThisBuild.Revision); // built from a git checkout, read at build time
        Assert.NotNull(SourceRevision.OfThisBuild.TreeClean);
        Assert.Equal(SourceRevision.OfThisBuild, world.Provenance.Tool.Source);
    }

    [Fact]
    public async Task Every_output_is_recorded_with_its_hash()
    {
        var world = new PipelineWorld();
        await world.RunAsync();

        var outputs = world.Provenance.Outputs.Select(o => o.Path).ToHashSet();

        Assert.Contains("reports/utrecht.html", outputs);
        Assert.Contains("reports/synthesis.results.json", outputs);
        Assert.Contains("logs/utrecht.log", outputs);
        Assert.Contains("index.html", outputs);
        Assert.Contains("validation.txt", outputs);
        Assert.All(world.Provenance.Outputs, o => Assert.Equal(Hashing.FileHash.OfFile(Path.Combine(world.Out, o.Path)), o.Sha256));
    }
}
