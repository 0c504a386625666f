using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Research.Notebooks.Packages;

/// <summary>
/// Restores <c>#r "nuget: ..."</c> packages with the real NuGet client: a generated SDK project per package set,
/// <c>dotnet restore</c>, then the runtime assemblies read from <c>obj/project.assets.json</c>. The resolved list is
/// cached under a hash of the package set, so a second run with the same packages starts no process at all.
/// Floating versions are resolved once per cache entry; delete the cache directory to float again.
/// </summary>
public sealed class NuGetRestorer
{
    private const string ResolvedFile = "resolved.txt";
    private readonly string _cacheDirectory;

    /// <summary>Creates a restorer caching under <paramref name="cacheDirectory"/>.</summary>
    public NuGetRestorer(string cacheDirectory) => _cacheDirectory = cacheDirectory;

    /// <summary>The target framework of the generated project: the one the host runs on.</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>The full paths of the runtime assemblies of <paramref name="packages"/> and their dependencies.</summary>
    /// <exception cref="PackageRestoreException">The restore failed; the message has NuGet's errors.</exception>
    public async Task<IReadOnlyList<string>> RestoreAsync(IReadOnlyCollection<PackageReference> packages, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_cacheDirectory, Key(packages));
        var resolved = Path.Combine(directory, ResolvedFile);
        if (File.Exists(resolved))
        {
            var cached = await File.ReadAllLinesAsync(resolved, cancellationToken);
            if (cached.All(File.Exists))
            {
                return cached;
            }
        }

        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "packages.csproj");
        await File.WriteAllTextAsync(project, ProjectXml(packages), cancellationToken);
        await RunRestoreAsync(project, cancellationToken);
        var assemblies = ReadRuntimeAssemblies(Path.Combine(directory, "obj", "project.assets.json"));
        await File.WriteAllLinesAsync(resolved, assemblies, cancellationToken);
        return assemblies;
    }

    private static string Key(IEnumerable<PackageReference> packages)
    {
        var canonical = string.Join('\n', packages
            .Select(p => $"{p.Name.ToLowerInvariant()}/{p.EffectiveVersion}")
            .Order(StringComparer.Ordinal)
            .Append(TargetFramework));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    // Central package management and lock files of an enclosing repository must not apply to the generated project.
    private static string ProjectXml(IEnumerable<PackageReference> packages)
    {
        var xml = new StringBuilder();
        xml.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        xml.AppendLine("  <PropertyGroup>");
        xml.AppendLine(CultureInfo.InvariantCulture, $"    <TargetFramework>{TargetFramework}</TargetFramework>");
        xml.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        xml.AppendLine("    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>");
        xml.AppendLine("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>");
        xml.AppendLine("    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>");
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

    private static async Task RunRestoreAsync(string project, CancellationToken cancellationToken)
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
            var messages = (await stdout + "\n" + await stderr).Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Distinct();
            throw new PackageRestoreException($"NuGet restore failed: {string.Join("; ", messages)}");
        }
    }

    private static List<string> ReadRuntimeAssemblies(string assetsFile)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsFile))!;
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
