using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Where one C# kernel's submissions are loaded. A submission refers to the ones before it by assembly name, so the
/// context answers those names with the kernel's own assemblies (two kernels of one process may load equally named
/// submissions, e.g. the same notebook twice from the compiled-cell cache); assemblies that cells reference from files
/// outside the runtime's trusted set (<c>#r</c>, NuGet packages) are loaded from their paths or, for what those need,
/// from their folders. Everything else, the host's assemblies above all, comes from the default context, so a
/// cell's values are of the host's own types.
/// </summary>
/// <remarks>Thread-safe: the maps are concurrent.</remarks>
internal sealed class SubmissionLoadContext : AssemblyLoadContext
{
    private readonly ConcurrentDictionary<string, Assembly> _submissions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>A context for one kernel's submissions.</summary>
    public SubmissionLoadContext()
        : base("research-csharp-cells", isCollectible: false)
    {
    }

    /// <summary>Loads a submission's image and symbols; later submissions find it by its assembly name.</summary>
    public Assembly LoadSubmission(CompiledSubmission submission)
    {
        using var image = new MemoryStream(submission.Image, writable: false);
        using var symbols = new MemoryStream(submission.Symbols, writable: false);
        var assembly = LoadFromStream(image, symbols);
        _submissions[assembly.GetName().Name!] = assembly;
        return assembly;
    }

    /// <summary>Whether a submission named <paramref name="name"/> is loaded.</summary>
    public bool HasSubmission(string name) => _submissions.ContainsKey(name);

    /// <summary>Lets cells load the assembly named <paramref name="name"/> from <paramref name="path"/> when the runtime does not know it.</summary>
    public void RegisterDependency(string name, string path)
    {
        if (!ScriptReferenceResolver.IsTrustedPlatformAssembly(path))
        {
            _dependencies.TryAdd(name, path);
            _folders.TryAdd(Path.GetDirectoryName(path) ?? string.Empty, 0);
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        if (_submissions.TryGetValue(name, out var submission))
        {
            return submission;
        }

        // The host's own assemblies, whether trusted or loaded from a file, stay the host's: one copy of each type.
        if (Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (_dependencies.TryGetValue(name, out var path))
        {
            return LoadFromAssemblyPath(path);
        }

        // A dependency of a referenced library that the compiler did not need: beside the libraries, as the runtime looks beside an application.
        foreach (var folder in _folders.Keys)
        {
            var beside = Path.Combine(folder, name + ".dll");
            if (folder.Length > 0 && File.Exists(beside) && !ScriptReferenceResolver.IsTrustedPlatformAssembly(beside))
            {
                _dependencies.TryAdd(name, beside);
                return LoadFromAssemblyPath(beside);
            }
        }

        return null;
    }
}
