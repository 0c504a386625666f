using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Research.Cli.Pipeline;

/// <summary>
/// What the results were made with: the tool's version, the hash of the library build (every Research.*.dll), the
/// package versions the build resolved (from <c>research.deps.json</c>, i.e. the lock files), the runtime and the OS.
/// </summary>
public sealed record ToolFingerprint(string Version, string LibraryBuild, IReadOnlyList<PackageVersion> Packages, string Runtime, string OperatingSystem, string Architecture)
{
    /// <summary>The fingerprint of the running tool.</summary>
    public static ToolFingerprint Current { get; } = Compute();

    /// <summary>One hash over everything that changes results: libraries and package versions (not OS or runtime).</summary>
    public string CacheKey => FileHash.Combine(Packages.Select(p => $"{p.Name}/{p.Version}").Prepend(LibraryBuild).Prepend(Version));

    private static ToolFingerprint Compute()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var libraries = Directory.EnumerateFiles(baseDirectory, "Research.*.dll").Append(Path.Combine(baseDirectory, "research.dll"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(f => FileHash.Of(f, baseDirectory))
            .Select(h => $"{h.Path} {h.Sha256}");
        var version = typeof(ToolFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new ToolFingerprint(version, FileHash.Combine(libraries), ReadPackages(Path.Combine(baseDirectory, "research.deps.json")),
            RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, RuntimeInformation.OSArchitecture.ToString());
    }

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

/// <summary>A NuGet package and the version the build used.</summary>
/// <param name="Name">Package id.</param>
/// <param name="Version">Resolved version.</param>
public sealed record PackageVersion(string Name, string Version);
