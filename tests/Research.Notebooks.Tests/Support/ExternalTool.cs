using System.Diagnostics;

namespace Research.Notebooks.Tests.Support;

/// <summary>
/// Runs Debian tools the checks need (python3-nbformat, jupyter-nbconvert, chromium). CI installs them; a missing
/// tool fails the test with the package to install rather than skipping silently.
/// </summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string executable, string package, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        Assert.True(File.Exists(executable), $"{executable} is missing: install the Debian package '{package}' (CI does).");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} did not finish in time.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static (int ExitCode, string Stdout, string Stderr) Python(string script, params string[] arguments) =>
        Run("/usr/bin/python3", "python3-nbformat", new[] { "-c", script }.Concat(arguments));
}
