using Research.Pipeline.Caching;
using Research.Pipeline.Files;
using Research.Pipeline.Inputs;
using Research.Pipeline.Tests.Support;
using Research.Pipeline.Verification;

namespace Research.Pipeline.Tests.Verification;

/// <summary>The verify diff: changed outputs, changed inputs and unreproduced numbers are told apart, and no scratch directory is left.</summary>
public sealed class VerifierTests
{
    [Fact]
    public async Task A_faithful_run_verifies_and_leaves_no_scratch_directory()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        var scratch = new List<string>();
        world.Runner.Ending = (_, request) =>
        {
            lock (scratch)
            {
                scratch.Add(request.OutputDirectory);
            }

            return null;
        };

        var report = await Verify(world);

        Assert.True(report.Verified, string.Join("\n", report.ChangedOutputs.Concat(report.ChangedInputs).Concat(report.Differences)));
        Assert.Equal(7, report.ResultFiles);
        Assert.Single(scratch.Distinct());
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "research-verify-"), scratch[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch[0]));
    }

    [Fact]
    public async Task An_edited_report_is_a_changed_output_while_the_numbers_still_reproduce()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        File.AppendAllText(Path.Combine(world.Out, "reports", "utrecht.html"), "<p>edited</p>");
        File.Delete(Path.Combine(world.Out, "index.html"));

        var report = await Verify(world);

        Assert.False(report.Verified);
        Assert.Equal(2, report.ChangedOutputs.Count);
        Assert.Contains(report.ChangedOutputs, l => l.StartsWith("reports/utrecht.html has changed since the run", StringComparison.Ordinal));
        Assert.Contains("index.html is missing", report.ChangedOutputs);
        Assert.Empty(report.Differences);
        Assert.Empty(report.ChangedInputs);
    }

    [Fact]
    public async Task Numbers_that_do_not_reproduce_are_differences_not_changed_outputs()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        world.Runner.Value = job => job.Name == "groningen" ? 1.5 : 1.0;

        var report = await Verify(world);

        Assert.Empty(report.ChangedOutputs);
        var difference = Assert.Single(report.Differences);
        Assert.StartsWith("groningen / flow / randomised / n: ", difference, StringComparison.Ordinal);
        Assert.Contains("1.5", difference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_files_of_other_bytes_are_compared_number_by_number()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        var recorded = File.ReadAllBytes(Path.Combine(world.Out, "reports", "groningen.results.json"));
        world.Runner.Value = job => job.Name == "groningen" ? 1.0 + 1e-12 : 1.0;
        var scratch = Directory.CreateTempSubdirectory("verify-bytes-").FullName;

        var settings = new VerificationSettings { OutputDirectory = world.Out, ScratchDirectory = scratch, ShippedNotebookDirectory = world.Notebooks, Parallelism = 2 };
        var report = await new Verifier(settings, world.Runner, TextWriter.Null, world.Tool).RunAsync(CancellationToken.None);

        Assert.NotEqual(recorded, File.ReadAllBytes(Path.Combine(scratch, "reports", "groningen.results.json")));
        Assert.True(report.Verified, string.Join("\n", report.Differences));
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task A_changed_input_in_a_subdirectory_is_named_and_nothing_is_re_executed()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        PipelineWorld.ChangeFirstRow(Path.Combine(world.Extracts, "data", "participants.csv"), "birth_year");
        var before = world.Runner.Ran.Count;

        var report = await Verify(world);

        Assert.StartsWith("input participants (data/participants.csv) has changed", Assert.Single(report.ChangedInputs), StringComparison.Ordinal);
        Assert.Equal(before, world.Runner.Ran.Count);
    }

    [Fact]
    public async Task A_run_without_a_record_cannot_be_verified()
    {
        var world = new PipelineWorld();

        var e = await Assert.ThrowsAsync<PipelineException>(() => Verify(world));

        Assert.Contains("provenance.json does not exist; run research run-all first", e.Message);
    }

    [Fact]
    public async Task A_read_only_output_directory_can_still_be_verified()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        string[] files = [world.Out, Path.Combine(world.Out, ".lock"), Path.Combine(world.Out, ".lock.owner")];
        try
        {
            WriteProtection.Set(files, on: true);
            Assert.ThrowsAny<Exception>(() => File.WriteAllText(Path.Combine(world.Out, ".lock"), "x")); // it really is read-only

            var report = await Verify(world);

            Assert.True(report.Verified, string.Join("\n", report.ChangedOutputs.Concat(report.ChangedInputs).Concat(report.Differences)));
        }
        finally
        {
            WriteProtection.Set(files, on: false);
        }
    }

    [Fact]
    public async Task The_re_execution_takes_over_the_recorded_validation_while_the_inputs_and_build_are_the_recorded_ones()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        var (scratch, log) = (Scratch.Directory(), new StringWriter());

        var report = await Verify(world, log, scratch);

        Assert.True(report.Verified, log.ToString());
        Assert.Contains("validation: up to date (validated ", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(" UTC by the recorded run; see validation.txt)", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("validated the extracts", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(world.Out, "validation.txt")), File.ReadAllText(Path.Combine(scratch, "validation.txt")));
        Assert.Equal(PipelineWorld.AllJobs.Order(StringComparer.Ordinal), world.Runner.Ran.Skip(PipelineWorld.AllJobs.Count).Order(StringComparer.Ordinal)); // every notebook still ran again
    }

    [Fact]
    public async Task Another_build_of_the_tool_validates_again_and_says_why()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        world.Tool = world.Tool with { LibraryBuild = new string('0', 64) };
        var log = new StringWriter();

        var report = await Verify(world, log);

        Assert.True(report.Verified, log.ToString());
        Assert.Contains("validation: runs because the tool build changed", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("validated the extracts: 0 errors", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_without_a_validation_entry_validates_again_and_says_the_record_has_none()
    {
        // A record made by a tool that kept no validation entry: the log names the recorded run, not the scratch directory.
        var world = new PipelineWorld();
        await world.RunAsync();
        new JobCache(Path.Combine(world.Out, OutputLayout.CacheDirectory)).Remove(ValidationStep.Name);
        var log = new StringWriter();

        var report = await Verify(world, log);

        Assert.True(report.Verified, log.ToString());
        Assert.Contains("validation: runs because no cache entry in the recorded run", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not run into this directory before", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("validated the extracts: 0 errors", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_validation_report_is_a_changed_output_and_validation_runs_again()
    {
        var world = new PipelineWorld();
        await world.RunAsync();
        File.AppendAllText(Path.Combine(world.Out, "validation.txt"), "edited\n");
        var (scratch, log) = (Scratch.Directory(), new StringWriter());

        var report = await Verify(world, log, scratch);

        Assert.Contains(report.ChangedOutputs, l => l.StartsWith("validation.txt has changed since the run", StringComparison.Ordinal));
        Assert.Contains("validation: runs because output validation.txt changed since it was written", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("edited", File.ReadAllText(Path.Combine(scratch, "validation.txt")), StringComparison.Ordinal);
        Assert.Empty(report.Differences);
    }

    private static Task<VerificationReport> Verify(PipelineWorld world, TextWriter? log = null, string? scratch = null) =>
        new Verifier(new VerificationSettings { OutputDirectory = world.Out, ShippedNotebookDirectory = world.Notebooks, Parallelism = 2, ScratchDirectory = scratch },
                world.Runner, log ?? TextWriter.Null, world.Tool)
            .RunAsync(CancellationToken.None);
}
