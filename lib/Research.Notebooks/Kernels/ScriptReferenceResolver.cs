using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Resolves a script's references as Roslyn's <see cref="ScriptMetadataResolver"/> does (<c>#r</c> paths relative to
/// the notebook), and the assemblies those references need in turn, through <see cref="MetadataReferences"/> so each is
/// mapped once per process: next to the assembly that needs them (where Roslyn's resolver looks), else among the
/// runtime's trusted platform assemblies (the framework and the tool's own dependencies, which the host references).
/// </summary>
internal sealed class ScriptReferenceResolver : MetadataReferenceResolver
{
    // The assemblies the runtime itself resolves by simple name: the framework and the tool's own dependencies.
    private static readonly Lazy<IReadOnlyDictionary<string, string>> TrustedPlatformAssemblies = new(ReadTrustedPlatformAssemblies);

    private readonly ScriptMetadataResolver _directives;

    /// <summary>Resolves <c>#r</c> paths relative to <paramref name="baseDirectory"/>.</summary>
    public ScriptReferenceResolver(string baseDirectory) =>
        _directives = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);

    /// <inheritdoc />
    public override bool ResolveMissingAssemblies => true;

    /// <summary>Whether <paramref name="path"/> is one of the runtime's trusted platform assemblies, which the default load context provides.</summary>
    public static bool IsTrustedPlatformAssembly(string path) =>
        TrustedPlatformAssemblies.Value.TryGetValue(Path.GetFileNameWithoutExtension(path), out var trusted) && string.Equals(trusted, path, StringComparison.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        _directives.ResolveReference(reference, baseFilePath, properties);

    /// <inheritdoc />
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        if ((definition as PortableExecutableReference)?.FilePath is { } requester && Path.GetDirectoryName(requester) is { } directory)
        {
            // In the order the runtime's loader tries the extensions.
            foreach (var extension in (string[])[".dll", ".exe"])
            {
                var beside = Path.Combine(directory, referenceIdentity.Name + extension);
                if (File.Exists(beside))
                {
                    return MetadataReferences.FromFile(beside);
                }
            }
        }

        return TrustedPlatformAssemblies.Value.TryGetValue(referenceIdentity.Name, out var trusted) ? MetadataReferences.FromFile(trusted) : null;
    }

    /// <inheritdoc />
    public override bool Equals(object? other) => other is ScriptReferenceResolver resolver && resolver._directives.Equals(_directives);

    /// <inheritdoc />
    public override int GetHashCode() => _directives.GetHashCode();

    private static IReadOnlyDictionary<string, string> ReadTrustedPlatformAssemblies()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return byName;
    }
}
