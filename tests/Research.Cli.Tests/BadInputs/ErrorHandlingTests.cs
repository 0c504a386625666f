using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.BadInputs;

/// <summary>Issue 14, findings 12 to 14: stack traces, raw control characters, leftover scratch directories, accepted nonsense.</summary>
public sealed class ErrorHandlingTests
{
    /// <summary>Finding 12: a symbolic link loop gave a stack trace.</summary>
    [Fact]
    public async Task Finding_12_a_symbolic_link_loop_is_one_line_and_verbose_shows_the_trace()
    {
        var root = TestData.Scratch();
        File.CreateSymbolicLink(Path.Combine(root, "a"), Path.Combine(root, "b"));
        File.CreateSymbolicLink(Path.Combine(root, "b"), Path.Combine(root, "a"));
        var notebook = Path.Combine(root, "marker.ipynb");
        File.Copy(TestData.BadInput("marker.ipynb"), notebook);

        var quiet = await CliRunner.RunAsync("run", notebook, "-o", Path.Combine(root, "a", "x.ipynb"));
        var verbose = await CliRunner.RunAsync("run", notebook, "-o", Path.Combine(root, "a", "x.ipynb"), "--verbose");

        CliRunner.AssertOneLineFailure(quiet, 1, "research run: ");
        Assert.Contains("symbolic link", quiet.Error);
        Assert.Equal(1, verbose.Exit);
        Assert.Contains("   at ", verbose.Error);
    }

    /// <summary>Finding 12: a read-only output directory gave a stack trace.</summary>
    [Fact]
    public async Task Finding_12_a_read_only_output_directory_is_one_line()
    {
        var root = TestData.Scratch();
        var extracts = TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        // As root a mode of 0555 does not stop writes; sysfs refuses new files even to root.
        var readOnly = Environment.UserName == "root" ? "/sys/kernel" : Directory.CreateDirectory(Path.Combine(root, "read-only")).FullName;
        if (readOnly != "/sys/kernel" && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var run = await CliRunner.RunAsync("run-all", "--extracts", extracts, "--out", readOnly, "--notebooks", TestData.StandInNotebooks);

        CliRunner.AssertOneLineFailure(run, 1, "research run-all: ");
    }

    /// <summary>Finding 12: a missing -o directory was reported only after every cell had run.</summary>
    [Fact]
    public async Task Finding_12_a_missing_output_directory_is_refused_before_any_cell_runs()
    {
        var root = TestData.Scratch();
        var marker = Path.Combine(root, "marker.txt");

        var run = await CliRunner.RunAsync("run", TestData.BadInput("marker.ipynb"), "-p", $"marker={marker}", "-o", Path.Combine(root, "missing", "x.ipynb"));

        CliRunner.AssertOneLineFailure(run, 2, "the directory of --output");
        Assert.False(File.Exists(marker));
    }

    /// <summary>Finding 12: synth --scale NaN exited 1 where 2 is documented; finding 14: --timeout 0 and --max-issues -5 were accepted.</summary>
    [Theory]
    [InlineData("--scale must be greater than 0", "synth", "--out", "x", "--scale", "NaN")]
    [InlineData("--timeout must be a number of seconds greater than 0", "run-all", "--timeout", "0")]
    [InlineData("--timeout must be a number of seconds greater than 0", "run", "nb.ipynb", "--timeout", "0")]
    [InlineData("--timeout must be a number of seconds greater than 0", "verify", "out", "--timeout", "NaN")]
    [InlineData("--max-issues must be 0 or more", "validate", "x", "--max-issues", "-5")]
    [InlineData("--memory-limit must be a size", "run-all", "--memory-limit", "1K")]
    [InlineData("--parallel must be at least 1", "verify", "out", "--parallel", "0")]
    public async Task Findings_12_and_14_nonsense_values_are_usage_errors(string message, params string[] args)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error);
        Assert.Contains("--help' for usage", run.Error);
    }

    /// <summary>Finding 13: terminal control characters from a cell value were printed raw by validate.</summary>
    [Fact]
    public async Task Finding_13_control_characters_in_a_cell_value_are_escaped_on_the_terminal()
    {
        var extracts = TestData.TwoMunicipalities(Path.Combine(TestData.Scratch(), "extracts"));
        TestData.EditFirstRow(Path.Combine(extracts, "participants.csv"), "sex", _ => "\u001b]0;pwned\u0007\u001b[2J");

        var run = await CliRunner.RunAsync("validate", extracts);

        Assert.Equal(1, run.Exit);
        Assert.Contains("value \"\\u001B]0;pwned\\u0007\\u001B[2J\"", run.Error);
        Assert.DoesNotContain('\u001b', run.Error + run.Output);
        Assert.DoesNotContain('\u0007', run.Error + run.Output);
    }

    /// <summary>Finding 14: verify left a scratch directory per run.</summary>
    [Fact]
    public async Task Finding_14_verify_removes_its_scratch_directory_and_keeps_a_given_one()
    {
        var root = await RecordedRun.CopyAsync();
        // A temporary directory of this test's own, so other processes' scratch directories cannot confuse the count.
        var temporary = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;
        var previous = Environment.GetEnvironmentVariable("TMPDIR");
        (int Exit, string Output, string Error) verify;
        try
        {
            Environment.SetEnvironmentVariable("TMPDIR", temporary);
            verify = await CliRunner.RunAsync("verify", Path.Combine(root, "out"), "--parallel", "2");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previous);
        }

        var kept = Path.Combine(root, "kept-scratch");
        var withScratch = await CliRunner.RunAsync("verify", Path.Combine(root, "out"), "--parallel", "2", "--scratch", kept);

        Assert.True(verify.Exit == 0, verify.Output + verify.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary));
        Assert.Equal(0, withScratch.Exit);
        Assert.True(File.Exists(Path.Combine(kept, "reports", "utrecht.results.json")));
    }
}
