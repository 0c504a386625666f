using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Resolves <c>#load</c> paths as Roslyn's <see cref="ScriptSourceResolver"/> does (relative to the notebook), but keeps
/// a cell's own file name (<c>cell-3.csx</c>) as it is in debug information, where Roslyn's resolver would make it an
/// absolute path under the notebook's directory: tracebacks then show no machine's folders, and a compiled cell does
/// not depend on where the notebook ran.
/// </summary>
/// <remarks>Immutable and thread-safe, as Roslyn requires of a resolver.</remarks>
internal sealed class CellSourceResolver : SourceReferenceResolver
{
    private readonly ScriptSourceResolver _files;

    /// <summary>Resolves <c>#load</c> paths relative to <paramref name="baseDirectory"/>.</summary>
    public CellSourceResolver(string baseDirectory) => _files = ScriptSourceResolver.Default.WithBaseDirectory(baseDirectory);

    /// <inheritdoc />
    public override string? NormalizePath(string path, string? baseFilePath) =>
        baseFilePath is null && !Path.IsPathRooted(path) ? path : _files.NormalizePath(path, baseFilePath);

    /// <inheritdoc />
    public override string? ResolveReference(string path, string? baseFilePath) => _files.ResolveReference(path, baseFilePath);

    /// <inheritdoc />
    public override Stream OpenRead(string resolvedPath) => _files.OpenRead(resolvedPath);

    /// <inheritdoc />
    public override bool Equals(object? other) => other is CellSourceResolver resolver && resolver._files.Equals(_files);

    /// <inheritdoc />
    public override int GetHashCode() => _files.GetHashCode();
}
