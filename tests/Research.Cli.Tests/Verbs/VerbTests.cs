using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.Verbs;

/// <summary>Every verb's exit codes (0 success, 1 the work failed, 2 the command line was wrong) and its main options.</summary>
public sealed class VerbTests
{
    [Fact]
    public async Task Synth_writes_deterministic_extracts_refuses_to_overwrite_without_force_and_validates()
    {
        var root = TestData.Scratch();
        var a = Path.Combine(root, "a");
        var b = Path.Combine(root, "b");

        var first = await CliRunner.RunAsync("synth", "--out", a, "--seed", "5", "--scale", "0.05", "--validate");
        var same = await CliRunner.RunAsync("synth", "--out", b, "--seed", "5", "--scale", "0.05");
        var identical = File.ReadAllBytes(Path.Combine(a, "participants.csv")).SequenceEqual(File.ReadAllBytes(Path.Combine(b, "participants.csv")))
            && File.ReadAllBytes(Path.Combine(a, "register_months.csv")).SequenceEqual(File.ReadAllBytes(Path.Combine(b, "register_months.csv")));
        var again = await CliRunner.RunAsync("synth", "--out", a, "--seed", "5", "--scale", "0.05");
        var forced = await CliRunner.RunAsync("synth", "--out", a, "--seed", "6", "--scale", "0.05", "--force");
        var usage = await CliRunner.RunAsync("synth", "--out", a, "--scale", "0");

        Assert.Equal(0, first.Exit);
        Assert.Contains("VALID", first.Output);
        Assert.Equal(0, same.Exit);
        Assert.True(identical, "the same seed must give the same bytes");
        CliRunner.AssertOneLineFailure(again, 1, "research synth: ");
        Assert.Equal(0, forced.Exit);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "participants.csv")), File.ReadAllBytes(Path.Combine(b, "participants.csv")));
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task Validate_exits_0_for_valid_1_for_invalid_2_for_usage_and_honours_its_options()
    {
        var extracts = TestData.TwoMunicipalities(Path.Combine(TestData.Scratch(), "extracts"));
        var valid = await CliRunner.RunAsync("validate", extracts);
        var quiet = await CliRunner.RunAsync("validate", extracts, "--max-issues", "0");
        var instruments = Path.Combine(TestData.Scratch(), "no-instruments");
        Directory.CreateDirectory(instruments);
        var custom = await CliRunner.RunAsync("validate", extracts, "--instruments", instruments);
        File.AppendAllText(Path.Combine(extracts, "participants.csv"), "not,a,valid,row\n");
        var invalid = await CliRunner.RunAsync("validate", extracts);
        var usage = await CliRunner.RunAsync("validate");

        Assert.Equal(0, valid.Exit);
        Assert.Contains("VALID: 0 errors", valid.Output);
        Assert.Contains("wrote the extract cache (.research-cache/", valid.Output);
        Assert.Contains("extract cache up to date", quiet.Output);
        Assert.Contains("response-range", valid.Output);
        Assert.DoesNotContain("warning survey_responses.csv row", quiet.Output);
        Assert.Contains("Counts by file and rule", quiet.Output);
        Assert.DoesNotContain("response-range", custom.Output); // no instruments, no range check
        Assert.Equal(1, invalid.Exit);
        Assert.Contains("INVALID", invalid.Error);
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task Codebook_prints_or_writes_the_codebook()
    {
        var file = Path.Combine(TestData.Scratch(), "codebook.md");

        var printed = await CliRunner.RunAsync("codebook");
        var written = await CliRunner.RunAsync("codebook", "--out", file);
        var unwritable = await CliRunner.RunAsync("codebook", "--out", Path.Combine(TestData.Scratch(), "missing", "codebook.md"));
        var usage = await CliRunner.RunAsync("codebook", "--bogus");

        Assert.Equal(0, printed.Exit);
        Assert.Contains("participants", printed.Output);
        Assert.Equal(0, written.Exit);
        Assert.Equal(printed.Output, File.ReadAllText(file));
        CliRunner.AssertOneLineFailure(unwritable, 1, "research codebook: ");
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task Run_exits_0_for_a_good_notebook_1_for_a_failing_cell_2_for_usage_and_honours_its_options()
    {
        var root = TestData.Scratch();
        var notebook = Path.Combine(root, "marker.ipynb");
        File.Copy(TestData.BadInput("marker.ipynb"), notebook);
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;

        var ok = await CliRunner.RunAsync("run", notebook, "-p", "marker=relative.txt", "--cwd", work, "-o", Path.Combine(root, "out.ipynb"), "--html", Path.Combine(root, "out.html"));
        var failing = await CliRunner.RunAsync("run", notebook, "-p", $"marker={Path.Combine(root, "missing", "x.txt")}", "-o", Path.Combine(root, "failed.ipynb"), "--allow-errors");
        var missing = await CliRunner.RunAsync("run", Path.Combine(root, "nope.ipynb"));
        var badParameter = await CliRunner.RunAsync("run", notebook, "-p", "marker");
        var notIpynb = await CliRunner.RunAsync("run", notebook, "-o", Path.Combine(root, "out.txt"));
        var inPlace = await CliRunner.RunAsync("run", notebook, "-p", $"marker={Path.Combine(root, "m.txt")}", "-o", notebook);

        Assert.True(ok.Exit == 0, ok.Output + ok.Error);
        Assert.True(File.Exists(Path.Combine(work, "relative.txt"))); // --cwd: relative paths resolve there
        Assert.True(File.Exists(Path.Combine(root, "out.html")));
        Assert.Equal(1, failing.Exit);
        Assert.Contains("DirectoryNotFoundException", File.ReadAllText(Path.Combine(root, "failed.ipynb")));
        Assert.Equal(2, missing.Exit);
        Assert.Equal(2, badParameter.Exit);
        Assert.Equal(2, notIpynb.Exit);
        CliRunner.AssertOneLineFailure(inPlace, 2, "add --in-place to overwrite it");
    }

    [Fact]
    public async Task Run_all_dry_run_with_a_seed_generates_nothing_in_the_output_directory()
    {
        var outDir = Path.Combine(TestData.Scratch(), "out");

        var plan = await CliRunner.RunAsync("run-all", "--out", outDir, "--seed", "5", "--notebooks", TestData.StandInNotebooks, "--dry-run");

        Assert.True(plan.Exit == 0, plan.Output + plan.Error);
        Assert.Contains("generated synthetic extracts (seed 5)", plan.Output);
        Assert.Contains("synthesis: would run because no cache entry", plan.Output);
        Assert.Contains("dry run: nothing was run or written.", plan.Output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Run_all_force_reruns_and_usage_errors_exit_2()
    {
        var root = await RecordedRun.CopyAsync();

        var forced = await CliRunner.RunAsync("run-all", "--extracts", Path.Combine(root, "extracts"), "--out", Path.Combine(root, "out"),
            "--notebooks", Path.Combine(root, "notebooks"), "--force", "--timeout", "120", "--memory-limit", "2G", "--parallel", "1");
        var missingNotebooks = await CliRunner.RunAsync("run-all", "--extracts", Path.Combine(root, "extracts"), "--out", Path.Combine(root, "out2"),
            "--notebooks", Path.Combine(root, "nowhere"));
        var usage = await CliRunner.RunAsync("run-all", "--parallel", "0");

        Assert.True(forced.Exit == 0, forced.Output + forced.Error);
        Assert.Contains("utrecht: runs because --force", forced.Output);
        CliRunner.AssertOneLineFailure(missingNotebooks, 1, "municipal-report.ipynb does not exist (use --notebooks DIR)");
        Assert.Equal(2, usage.Exit);
        Assert.Contains("--parallel must be at least 1", usage.Error);
    }

    [Fact]
    public async Task Verify_exits_1_without_a_usable_record_and_2_for_usage()
    {
        var empty = TestData.Scratch();
        var missing = await CliRunner.RunAsync("verify", empty);
        File.WriteAllText(Path.Combine(empty, "provenance.json"), "{ not json");
        var malformed = await CliRunner.RunAsync("verify", empty);
        var usage = await CliRunner.RunAsync("verify", empty, "--tolerance", "2");

        CliRunner.AssertOneLineFailure(missing, 1, "provenance.json does not exist; run research run-all first");
        CliRunner.AssertOneLineFailure(malformed, 1, "is not a provenance record");
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task The_root_command_has_help_a_version_and_refuses_unknown_verbs()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--version")).Exit);
        Assert.Contains("run-all", (await CliRunner.RunAsync("--help")).Output);
        Assert.Equal(2, (await CliRunner.RunAsync("frobnicate")).Exit);
    }
}
