using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Compiler references to assembly files: one per installed file (the tool's own directory and the runtime's) for the
/// whole process, read through a memory map; any other file read whole, as Roslyn reads it.
/// </summary>
/// <remarks>
/// Roslyn's own <c>MetadataReference.CreateFromFile</c> (and a reference made from an <see cref="System.Reflection.Assembly"/>)
/// copies the entire image into native memory at once. A script binds its references transitively, and the host's
/// references reach Roslyn itself and most of the framework: 131 MB of ReadyToRun images were read for a notebook of
/// one cell, about a third of a second per process, although the compiler needs only their metadata. A memory-mapped
/// image brings in only the pages the binder touches. Sharing one reference per file also lets later notebooks in the
/// same process (run-all's warm workers) reuse the symbols Roslyn caches per assembly, instead of decoding every
/// reference again. Only installed files are mapped, because a mapped file must not change while it is in use: a
/// library a researcher rebuilds in place and references again with <c>#r</c> is copied each time, as before.
/// Thread-safe: the cache is concurrent and Roslyn's metadata is immutable.
/// </remarks>
public static class MetadataReferences
{
    private static readonly ConcurrentDictionary<string, PortableExecutableReference> Installed = new(StringComparer.Ordinal);

    // The tool's directory and the runtime's (the shared framework), each ending in a separator.
    private static readonly string[] InstallDirectories =
        [.. new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(object).Assembly.Location)! }.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)) + Path.DirectorySeparatorChar)];

    /// <summary>The reference to the assembly at <paramref name="path"/> (a full path).</summary>
    public static PortableExecutableReference FromFile(string path) =>
        InstallDirectories.Any(d => path.StartsWith(d, StringComparison.Ordinal) && path.IndexOf(Path.DirectorySeparatorChar, d.Length) < 0)
            ? Installed.GetOrAdd(path, static p => AssemblyMetadata.CreateFromFile(p).GetReference(filePath: p))
            : MetadataReference.CreateFromFile(path);
}
