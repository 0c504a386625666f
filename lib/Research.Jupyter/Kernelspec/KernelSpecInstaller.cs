using System.Text.Json;

namespace Research.Jupyter.Kernelspec;

/// <summary>Writes and removes kernelspec folders: <c>kernel.json</c> and the 32 and 64 px logos.</summary>
public static class KernelSpecInstaller
{
    private static readonly string[] Logos = { "logo-32x32.png", "logo-64x64.png" };

    /// <summary>Installs <paramref name="spec"/> into <paramref name="kernelsFolder"/> (created if missing), replacing an earlier install; returns its folder.</summary>
    public static string Install(KernelSpec spec, string kernelsFolder)
    {
        var folder = Path.Combine(kernelsFolder, spec.Name);
        Directory.CreateDirectory(folder);
        foreach (var logo in Logos)
        {
            using var resource = typeof(KernelSpecInstaller).Assembly.GetManifestResourceStream(logo)
                ?? throw new InvalidOperationException($"the logo '{logo}' is missing from {typeof(KernelSpecInstaller).Assembly.GetName().Name}.");
            using var file = File.Create(Path.Combine(folder, logo));
            resource.CopyTo(file);
        }

        // Written beside and renamed, so a front end never reads half a kernel.json.
        var json = Path.Combine(folder, "kernel.json");
        var temporary = json + ".tmp";
        File.WriteAllText(temporary, spec.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temporary, json, overwrite: true);
        return folder;
    }

    /// <summary>Removes the kernelspec <paramref name="name"/> (matched without regard to case) from each of <paramref name="kernelsFolders"/>; returns the folders removed.</summary>
    public static IReadOnlyList<string> Uninstall(string name, IEnumerable<string> kernelsFolders)
    {
        var removed = new List<string>();
        foreach (var kernels in kernelsFolders.Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var folder in Directory.EnumerateDirectories(kernels).Where(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                if (File.Exists(Path.Combine(folder, "kernel.json")))
                {
                    Directory.Delete(folder, recursive: true);
                    removed.Add(folder);
                }
            }
        }

        return removed;
    }
}
