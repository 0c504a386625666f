using System.Diagnostics;
using System.Text.Json;

namespace Research.Bench;

/// <summary>
/// Runs a peer script under Debian's python (<c>/usr/bin/python3</c>, which has statsmodels and pandas) on the same data
/// and returns the JSON object it prints on its last line.
/// </summary>
public static class PythonPeer
{
    /// <summary>Runs <c>bench/peers/<paramref name="script"/></c> with <paramref name="arguments"/>; null (after printing why) when it fails.</summary>
    public static JsonElement? Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", [Find(script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{script} failed ({process.ExitCode}):\n{errors.Result}");
            return null;
        }

        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    private static string Find(string script)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "peers", script);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"bench/peers/{script} not found above the current directory; run from the repository.");
    }
}
