using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Research.Pipeline.Hashing;

namespace Research.Pipeline.Tool;

/// <summary>
/// What the results were made with: the tool's version and source revision, the hash of the library build (every
/// Research assembly beside the tool), the package versions the build resolved (its <c>.deps.json</c>, i.e. the lock
/// files), the runtime and the OS.
/// </summary>
/// <param name="Version">The informational version (with the commit id).</param>
/// <param name="Source">The source revision and whether the tree was clean.</param>
/// <param name="LibraryBuild">SHA-256 over the Research assemblies' bytes.</param>
/// <param name="Packages">Resolved NuGet packages.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="OperatingSystem">The operating system.</param>
/// <param name="Architecture">The processor architecture.</param>
public sealed record ToolFingerprint(
    string Version, SourceRevision Source, string LibraryBuild, IReadOnlyList<PackageVersion> Packages, string Runtime, string OperatingSystem, string Architecture)
{
    /// <summary>The fingerprint of the running tool (its own directory and the entry assembly's <c>.deps.json</c>).</summary>
    public static ToolFingerprint Current { get; } = Of(AppContext.BaseDirectory, Assembly.GetEntryAssembly()?.GetName().Name ?? "research");

    /// <summary>One hash over the package versions (the <see cref="Caching.DependencyKind.Packages"/> dependency).</summary>
    public string PackagesHash => FileHash.Combine(Packages.Select(p => $"{p.Name}/{p.Version}"));

    /// <summary>The fingerprint of the tool in <paramref name="directory"/>, whose entry assembly is <paramref name="entryName"/>.</summary>
    public static ToolFingerprint Of(string directory, string entryName)
    {
        var libraries = LibraryFiles(directory)
            .Select(f => FileHash.Of(f, directory))
            .Select(h => $"{h.Path} {h.Sha256}");
        var version = typeof(ToolFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new ToolFingerprint(version, SourceRevision.OfThisBuild, FileHash.Combine(libraries.Prepend(version)),
            ReadPackages(Path.Combine(directory, entryName + ".deps.json")),
            RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, RuntimeInformation.OSArchitecture.ToString());
    }

    /// <summary>The Research assemblies of the tool in <paramref name="directory"/>, in ordinal order of their paths.</summary>
    internal static IEnumerable<string> LibraryFiles(string directory) =>
        Directory.EnumerateFiles(directory, "Research.*.dll").Append(Path.Combine(directory, "research.dll"))
            .Where(File.Exists)
            .Where(f => !Path.GetFileName(f).EndsWith(".Tests.dll", StringComparison.OrdinalIgnoreCase)) // the tool may run inside a test host
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static IReadOnlyList<PackageVersion> ReadPackages(string depsFile)
    {
        if (!File.Exists(depsFile))
        {
            return [];
        }

        var libraries = JsonNode.Parse(File.ReadAllText(depsFile))?["libraries"]?.AsObject() ?? [];
        return libraries
            .Where(kv => (string?)kv.Value?["type"] == "package")
            .Select(kv => kv.Key.Split('/'))
            .Select(parts => new PackageVersion(parts[0], parts.Length > 1 ? parts[1] : string.Empty))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
