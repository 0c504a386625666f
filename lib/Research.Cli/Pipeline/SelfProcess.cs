using System.Diagnostics;

namespace Research.Cli.Pipeline;

/// <summary>Starts this same tool as a child process (`research run ...`), whether it runs as an apphost or under `dotnet`.</summary>
internal static class SelfProcess
{
    /// <summary>Runs the tool with <paramref name="arguments"/>, writing its output to <paramref name="log"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, string log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the running executable");
        if (Path.GetFileNameWithoutExtension(host).Equals("research", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = host;
        }
        else
        {
            // Under `dotnet research.dll`, or inside another host such as a test runner: run the tool's own assembly.
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet";
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A child on the same two cores gains nothing from tiered-compilation background threads fighting its siblings.
        start.Environment["DOTNET_TieredPGO"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        await using var writer = new StreamWriter(log);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await writer.WriteAsync(await stdout);
        await writer.WriteAsync(await stderr);
        return process.ExitCode;
    }
}
