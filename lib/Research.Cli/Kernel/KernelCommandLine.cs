namespace Research.Cli.Kernel;

/// <summary>
/// The command a kernelspec runs: this very <c>research</c>, by absolute path, so the front end finds it whatever PATH
/// it was started with. Run as a dotnet tool or an app host, that is the executable; run as <c>dotnet research.dll</c>
/// (a build output), it is the same <c>dotnet</c> with the same <c>research.dll</c>.
/// </summary>
internal static class KernelCommandLine
{
    /// <summary>The kernelspec <c>argv</c>.</summary>
    public static IReadOnlyList<string> Argv()
    {
        var process = System.Environment.ProcessPath ?? "dotnet";
        var arguments = new List<string> { process };
        if (ViaDotnet(process))
        {
            arguments.Add(typeof(KernelCommandLine).Assembly.Location);
        }

        arguments.AddRange(["kernel", "--connection-file", Jupyter.Kernelspec.KernelSpec.ConnectionFilePlaceholder]);
        return arguments;
    }

    /// <summary>
    /// The environment the kernel needs: an app host finds the .NET runtime through <c>DOTNET_ROOT</c> when .NET is not
    /// installed system-wide, and a front end started from a desktop menu does not have it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment()
    {
        var root = System.Environment.GetEnvironmentVariable("DOTNET_ROOT");
        return !ViaDotnet(System.Environment.ProcessPath ?? "dotnet") && !string.IsNullOrEmpty(root)
            ? new Dictionary<string, string> { ["DOTNET_ROOT"] = root }
            : new Dictionary<string, string>();
    }

    private static bool ViaDotnet(string process) =>
        string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase);
}
