namespace Research.Cli.Tests.Support;

/// <summary>Runs the <c>research</c> command in-process and captures what it prints.</summary>
public static class CliRunner
{
    /// <summary>Runs <paramref name="args"/>; returns the exit code and the text written to standard output and error.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ResearchCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Asserts a failure is one line on standard error without a stack trace.</summary>
    public static void AssertOneLineFailure((int Exit, string Output, string Error) run, int exit, string contains)
    {
        Assert.True(run.Exit == exit, $"exit {run.Exit}: {run.Output}{run.Error}");
        Assert.Contains(contains, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("Run '", StringComparison.Ordinal));
    }
}
