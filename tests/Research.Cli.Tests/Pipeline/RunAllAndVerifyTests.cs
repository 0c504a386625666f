using Research.Cli.Pipeline;
using Research.Synthetic;

namespace Research.Cli.Tests.Pipeline;

/// <summary>
/// The pipeline's mechanics with stand-in notebooks (Fixtures/pipeline-notebooks): validation first, every municipality
/// then the synthesis, caching, provenance, and verify detecting both changed inputs and results that do not reproduce.
/// The real report notebooks are exercised end to end by CI's main job.
/// </summary>
public sealed class RunAllAndVerifyTests
{
    private static readonly string Notebooks = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipeline-notebooks");

    [Fact]
    public async Task Run_all_caches_records_provenance_and_verify_reproduces()
    {
        var root = Scratch();
        var extracts = Path.Combine(root, "extracts");
        new SyntheticExtractGenerator().Generate(extracts, new SyntheticOptions { Seed = 11, Scale = 0.05 });
        var outDir = Path.Combine(root, "out");

        var first = await CliRunner.RunAsync("run-all", "--extracts", extracts, "--out", outDir, "--notebooks", Notebooks, "--parallel", "2");

        Assert.True(first.Exit == 0, first.Output + first.Error);
        var provenance = Provenance.Load(Path.Combine(outDir, Provenance.FileName));
        Assert.Equal(7, provenance.Results.Count);
        Assert.Equal(7, provenance.Jobs.Count(j => !j.Cached));
        Assert.Equal(FileHash.OfDirectory(extracts), provenance.ExtractFiles);
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "reports", "utrecht.html")));

        var second = await CliRunner.RunAsync("run-all", "--extracts", extracts, "--out", outDir, "--notebooks", Notebooks, "--parallel", "2");

        Assert.Equal(0, second.Exit);
        Assert.All(Provenance.Load(Path.Combine(outDir, Provenance.FileName)).Jobs, j => Assert.True(j.Cached, j.Name));
        Assert.Contains("unchanged, not re-run", second.Output);

        var verified = await CliRunner.RunAsync("verify", outDir, "--parallel", "2");

        Assert.True(verified.Exit == 0, verified.Output + verified.Error);
        Assert.Contains("REPRODUCED: 7 result files", verified.Output);

        Environment.SetEnvironmentVariable("RESEARCH_TEST_JITTER", "0.5");
        try
        {
            var drifted = await CliRunner.RunAsync("verify", outDir, "--parallel", "2");

            Assert.Equal(1, drifted.Exit);
            Assert.Contains("utrecht / flow / randomised / n: recorded", drifted.Error);
            Assert.Contains("NOT REPRODUCED", drifted.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RESEARCH_TEST_JITTER", null);
        }

        File.AppendAllText(Path.Combine(extracts, "participants.csv"), "\n");
        var changed = await CliRunner.RunAsync("verify", outDir);

        Assert.Equal(1, changed.Exit);
        Assert.Contains("participants.csv has changed", changed.Error);
    }

    [Fact]
    public async Task Invalid_extracts_stop_the_pipeline_before_any_notebook_runs()
    {
        var root = Scratch();
        var extracts = Path.Combine(root, "extracts");
        new SyntheticExtractGenerator().Generate(extracts, new SyntheticOptions { Seed = 12, Scale = 0.05 });
        var participants = Path.Combine(extracts, "participants.csv");
        File.WriteAllLines(participants, File.ReadAllLines(participants).Select((l, i) => i == 1 ? l.Replace(",control,", ",lottery,", StringComparison.Ordinal).Replace(",1,", ",2,", StringComparison.Ordinal) : l));
        var outDir = Path.Combine(root, "out");

        var run = await CliRunner.RunAsync("run-all", "--extracts", extracts, "--out", outDir, "--notebooks", Notebooks);

        Assert.Equal(1, run.Exit);
        Assert.Contains("invalid; nothing was run", run.Output);
        Assert.False(Directory.Exists(Path.Combine(outDir, ".cache")));
    }

    [Fact]
    public async Task Verify_without_a_usable_record_says_why()
    {
        var empty = Scratch();
        var missing = await CliRunner.RunAsync("verify", empty);

        Assert.Equal(1, missing.Exit);
        Assert.Contains("provenance.json does not exist; run research run-all first", missing.Error);

        File.WriteAllText(Path.Combine(empty, Provenance.FileName), "{ not json");
        var malformed = await CliRunner.RunAsync("verify", empty);

        Assert.Equal(1, malformed.Exit);
        Assert.Contains("is not a provenance record", malformed.Error);
    }

    [Fact]
    public async Task Usage_errors_exit_with_two()
    {
        var run = await CliRunner.RunAsync("run-all", "--parallel", "0");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--parallel must be at least 1", run.Error);
    }

    private static string Scratch()
    {
        var dir = Path.Combine(Path.GetTempPath(), "research-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
