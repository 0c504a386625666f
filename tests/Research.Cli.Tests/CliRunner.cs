namespace Research.Cli.Tests;

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
}
