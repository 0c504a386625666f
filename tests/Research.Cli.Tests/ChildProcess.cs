using System.Diagnostics;

namespace Research.Cli.Tests;

/// <summary>
/// Runs a program as a child process: the <c>research</c> tool itself (for endings a test host cannot survive, such
/// as <c>Environment.Exit</c> or a stack overflow) or a Debian tool that checks its output.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs <c>research</c> (this build, under <c>dotnet</c>) with <paramref name="args"/>.</summary>
    public static (int Exit, string Output, string Error) Research(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet",
            new[] { typeof(ResearchCommand).Assembly.Location }.Concat(args), environment);

    /// <summary>Checks <paramref name="notebook"/> with the official validator (Debian's python3-nbformat); returns its complaint, or null.</summary>
    public static string? NbformatProblem(string notebook)
    {
        Assert.True(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is missing: install the Debian package python3-nbformat (./test does).");
        var (exit, _, error) = Run("/usr/bin/python3", new[] { "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], 4))", notebook }, null);
        return exit == 0 ? null : error;
    }

    private static (int Exit, string Output, string Error) Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in time.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
