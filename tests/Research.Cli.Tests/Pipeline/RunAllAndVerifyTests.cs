using Research.Cli.Tests.Support;
using Research.Pipeline.Hashing;
using Research.Pipeline.Provenance;

namespace Research.Cli.Tests.Pipeline;

/// <summary>
/// run-all and verify end to end through the command line, with stand-in notebooks (Fixtures/pipeline-notebooks) run
/// as real `research run` child processes; the pipeline's decisions are unit-tested in Research.Pipeline.Tests, and the
/// real report notebooks run in CI's main job.
/// </summary>
public sealed class RunAllAndVerifyTests
{
    [Fact]
    public async Task Run_all_records_provenance_then_is_up_to_date_and_verify_reproduces()
    {
        var root = await RecordedRun.CopyAsync();
        var outDir = Path.Combine(root, "out");
        var provenance = ProvenanceRecord.Load(Path.Combine(outDir, ProvenanceRecord.FileName));
        Assert.Equal(3, provenance.Results.Count);
        Assert.All(provenance.Jobs, j => Assert.False(j.Cached));
        Assert.Equal(["../extracts", "../notebooks"], [provenance.Extracts.Directory, provenance.Notebooks.Directory!]);
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
        Assert.Contains("wrote reports/utrecht.ipynb and reports/utrecht.html", File.ReadAllText(Path.Combine(outDir, "logs", "utrecht.log")));

        var second = await CliRunner.RunAsync("run-all", "--extracts", Path.Combine(root, "extracts"), "--out", outDir, "--notebooks", Path.Combine(root, "notebooks"));

        Assert.Equal(0, second.Exit);
        Assert.Contains("[3/3] synthesis: up to date (produced ", second.Output);
        Assert.All(ProvenanceRecord.Load(Path.Combine(outDir, ProvenanceRecord.FileName)).Jobs, j => Assert.True(j.Cached, j.Name));

        var verified = await CliRunner.RunAsync("verify", outDir, "--parallel", "2");

        Assert.True(verified.Exit == 0, verified.Output + verified.Error);
        Assert.Contains("REPRODUCED: 3 result files agree", verified.Output);
    }

    [Fact]
    public async Task Verify_reports_numbers_that_do_not_reproduce()
    {
        var root = await RecordedRun.CopyAsync();
        Environment.SetEnvironmentVariable("RESEARCH_TEST_JITTER", "0.5");
        try
        {
            var drifted = await CliRunner.RunAsync("verify", Path.Combine(root, "out"), "--parallel", "2");

            Assert.Equal(1, drifted.Exit);
            Assert.Contains("utrecht / flow / randomised / n: recorded", drifted.Error);
            Assert.Contains("NOT REPRODUCED: ", drifted.Error);
            Assert.DoesNotContain("CHANGED OUTPUTS", drifted.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RESEARCH_TEST_JITTER", null);
        }
    }

    [Fact]
    public async Task Invalid_extracts_stop_the_pipeline_before_any_notebook_runs()
    {
        var root = TestData.Scratch();
        var extracts = TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        var participants = Path.Combine(extracts, "participants.csv");
        var lines = File.ReadAllLines(participants);
        var first = Array.FindIndex(lines, l => l.Contains(",utrecht,", StringComparison.Ordinal));
        lines[first] = lines[first].Replace(",utrecht,", ",amsterdam,", StringComparison.Ordinal);
        File.WriteAllLines(participants, lines);
        var outDir = Path.Combine(root, "out");

        var run = await CliRunner.RunAsync("run-all", "--extracts", extracts, "--out", outDir, "--notebooks", TestData.StandInNotebooks);

        Assert.Equal(1, run.Exit);
        Assert.Contains("invalid; nothing was run", run.Output);
        Assert.Contains("amsterdam", File.ReadAllText(Path.Combine(outDir, "validation.txt")));
        Assert.False(Directory.Exists(Path.Combine(outDir, ".cache")));
        Assert.False(File.Exists(Path.Combine(outDir, ProvenanceRecord.FileName)));
    }

    [Fact]
    public async Task The_recorded_hashes_are_the_files()
    {
        var root = await RecordedRun.CopyAsync();
        var outDir = Path.Combine(root, "out");

        var provenance = ProvenanceRecord.Load(Path.Combine(outDir, ProvenanceRecord.FileName));

        Assert.All(provenance.Outputs, o => Assert.Equal(FileHash.OfFile(Path.Combine(outDir, o.Path)), o.Sha256));
        Assert.All(provenance.Extracts.Inputs, i => Assert.Equal(FileHash.OfFile(Path.Combine(root, "extracts", i.Path)), i.Sha256));
    }
}
