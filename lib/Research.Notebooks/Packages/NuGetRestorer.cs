using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Research.Notebooks.Packages;

/// <summary>
/// Restores <c>#r "nuget: ..."</c> packages with the real NuGet client: a generated SDK project per package set,
/// <c>dotnet restore</c>, then the runtime assemblies read from <c>obj/project.assets.json</c>. The resolved list is
/// cached under a hash of the package set and its sources, so a second run with the same packages starts no process
/// at all. Floating versions are resolved once per cache entry; delete the cache directory to float again. Each
/// package set has its own project, so a set that failed to restore never affects another.
/// </summary>
public sealed class NuGetRestorer
{
    private const string ResolvedFile = "resolved.json";
    private readonly string _cacheDirectory;

    /// <summary>Creates a restorer caching under <paramref name="cacheDirectory"/>.</summary>
    public NuGetRestorer(string cacheDirectory) => _cacheDirectory = cacheDirectory;

    /// <summary>The target framework of the generated project: the one the host runs on.</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>The full paths of the runtime assemblies of <paramref name="packages"/> and their dependencies.</summary>
    /// <exception cref="PackageRestoreException">The restore failed; the message has NuGet's errors.</exception>
    public async Task<IReadOnlyList<string>> RestoreAsync(IReadOnlyCollection<PackageReference> packages, CancellationToken cancellationToken) =>
        (await RestoreAsync(packages, Array.Empty<string>(), cancellationToken)).Assemblies;

    /// <summary>
    /// Restores <paramref name="packages"/> from the configured sources plus <paramref name="sources"/> (<c>#i</c>):
    /// the runtime assemblies, the versions resolved and NuGet's warnings.
    /// </summary>
    /// <exception cref="PackageRestoreException">The restore failed; the message has NuGet's errors.</exception>
    public async Task<RestoreResult> RestoreAsync(IReadOnlyCollection<PackageReference> packages, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_cacheDirectory, Key(packages, sources));
        var resolved = Path.Combine(directory, ResolvedFile);
        if (File.Exists(resolved) && ReadCached(resolved) is { } cached && cached.Assemblies.All(File.Exists))
        {
            return cached;
        }

        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "packages.csproj");
        var assets = Path.Combine(directory, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            File.Delete(assets);
        }

        await File.WriteAllTextAsync(project, ProjectXml(packages, sources), cancellationToken);
        await RunRestoreAsync(project, assets, ignoreFailedSources: sources.Count > 0, cancellationToken);
        var result = ReadResult(assets, packages);
        await File.WriteAllTextAsync(resolved, ToJson(result).ToJsonString(), cancellationToken);
        return result;
    }

    private static string Key(IEnumerable<PackageReference> packages, IEnumerable<string> sources)
    {
        var canonical = string.Join('\n', packages
            .Select(p => $"{p.Name.ToLowerInvariant()}/{p.EffectiveVersion}")
            .Order(StringComparer.Ordinal)
            .Concat(sources.Select(s => "source " + s))
            .Append(TargetFramework));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    // Central package management and lock files of an enclosing repository must not apply to the generated project.
    private static string ProjectXml(IEnumerable<PackageReference> packages, IReadOnlyCollection<string> sources)
    {
        var xml = new StringBuilder();
        xml.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        xml.AppendLine("  <PropertyGroup>");
        xml.AppendLine(CultureInfo.InvariantCulture, $"    <TargetFramework>{TargetFramework}</TargetFramework>");
        xml.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        xml.AppendLine("    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>");
        xml.AppendLine("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>");
        xml.AppendLine("    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>");
        if (sources.Count > 0)
        {
            xml.AppendLine(CultureInfo.InvariantCulture, $"    <RestoreAdditionalProjectSources>{System.Security.SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>");
        }

        xml.AppendLine("  </PropertyGroup>");
        xml.AppendLine("  <ItemGroup>");
        foreach (var package in packages)
        {
            xml.AppendLine(CultureInfo.InvariantCulture, $"    <PackageReference Include=\"{System.Security.SecurityElement.Escape(package.Name)}\" Version=\"{System.Security.SecurityElement.Escape(package.EffectiveVersion)}\" />");
        }

        xml.AppendLine("  </ItemGroup>");
        xml.AppendLine("</Project>");
        return xml.ToString();
    }

    // A notebook's #i source that is gone (many public notebooks name a retired nightly feed) only warns, as long as the
    // packages are found elsewhere; NuGet still reports it among the warnings.
    private static async Task RunRestoreAsync(string project, string assets, bool ignoreFailedSources, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", project, "--nologo", "--verbosity", "quiet", "--interactive", "false" })
        {
            start.ArgumentList.Add(argument);
        }

        if (ignoreFailedSources)
        {
            start.ArgumentList.Add("--ignore-failed-sources");
        }

        using var process = Process.Start(start) ?? throw new PackageRestoreException("could not start 'dotnet restore' (is the .NET SDK on PATH?).");
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

        if (process.ExitCode != 0)
        {
            // NuGet's own log in the assets file says it best; the console output is the fallback (e.g. a broken source).
            var logged = File.Exists(assets) ? Logs(JsonNode.Parse(await File.ReadAllTextAsync(assets, cancellationToken))!, "Error") : new List<string>();
            var messages = logged.Count > 0
                ? logged
                : (await stdout + "\n" + await stderr).Split('\n')
                    .Select(l => l.Trim())
                    .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                    .Distinct()
                    .ToList();
            throw new PackageRestoreException($"NuGet restore failed: {string.Join("; ", messages)}");
        }
    }

    private static RestoreResult ReadResult(string assetsFile, IEnumerable<PackageReference> requested)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsFile))!;
        var libraries = ((JsonObject)assets["libraries"]!).Select(l => l.Key.Split('/')).ToList();
        var packages = requested.Select(p => new RestoredPackage(
                p.Name,
                p.EffectiveVersion,
                libraries.FirstOrDefault(l => string.Equals(l[0], p.Name, StringComparison.OrdinalIgnoreCase))?[1]))
            .ToList();
        return new RestoreResult(ReadRuntimeAssemblies(assets), packages, Logs(assets, "Warning"));
    }

    private static List<string> Logs(JsonNode assets, string level) =>
        (assets["logs"] as JsonArray ?? new JsonArray())
            .Where(l => string.Equals(l?["level"]?.GetValue<string>(), level, StringComparison.Ordinal))
            .Select(l => $"{l!["code"]?.GetValue<string>()}: {l["message"]?.GetValue<string>()}")
            .Distinct()
            .ToList();

    private static JsonObject ToJson(RestoreResult result) => new()
    {
        ["assemblies"] = new JsonArray(result.Assemblies.Select(a => (JsonNode?)a).ToArray()),
        ["packages"] = new JsonArray(result.Packages.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Name,
            ["requested"] = p.Requested,
            ["resolved"] = p.Resolved,
        }).ToArray()),
        ["warnings"] = new JsonArray(result.Warnings.Select(w => (JsonNode?)w).ToArray()),
    };

    // A cache entry this version cannot read is restored again rather than trusted.
    private static RestoreResult? ReadCached(string file)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            return new RestoreResult(
                json["assemblies"]!.AsArray().Select(a => a!.GetValue<string>()).ToList(),
                json["packages"]!.AsArray().Select(p => new RestoredPackage(
                    p!["name"]!.GetValue<string>(), p["requested"]!.GetValue<string>(), p["resolved"]?.GetValue<string>())).ToList(),
                json["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<string> ReadRuntimeAssemblies(JsonNode assets)
    {
        var packageFolders = ((JsonObject)assets["packageFolders"]!).Select(p => p.Key).ToList();
        var libraries = (JsonObject)assets["libraries"]!;
        var target = (JsonObject)((JsonObject)assets["targets"]!).First().Value!;
        var result = new List<string>();
        foreach (var (id, entry) in target)
        {
            if (entry?["type"]?.GetValue<string>() != "package" || entry["runtime"] is not JsonObject runtime)
            {
                continue;
            }

            var relative = libraries[id]?["path"]?.GetValue<string>() ?? id.ToLowerInvariant();
            foreach (var (file, _) in runtime.Where(r => r.Key.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var full = packageFolders.Select(f => Path.Combine(f, relative, file)).FirstOrDefault(File.Exists);
                if (full is not null)
                {
                    result.Add(Path.GetFullPath(full));
                }
            }
        }

        return result;
    }
}
