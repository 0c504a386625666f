using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Research.Notebooks.Kernels;

/// <summary>
/// One compiler reference per assembly file for the whole process, reading the file through a memory map.
/// </summary>
/// <remarks>
/// Roslyn's own <c>MetadataReference.CreateFromFile</c> (and a reference made from an <see cref="System.Reflection.Assembly"/>)
/// copies the entire image into native memory at once. A script binds its references transitively, and the host's
/// references reach Roslyn itself and most of the framework: 131 MB of ReadyToRun images were read for a notebook of
/// one cell, about a third of a second per process, although the compiler needs only their metadata. A memory-mapped
/// image brings in only the pages the binder touches. Sharing one reference per file also lets later notebooks in the
/// same process (run-all's warm workers, a kernel restarted in place) reuse the symbols Roslyn caches per assembly,
/// instead of decoding every reference again. Files the host references are its own and the framework's, which do not
/// change while it runs; a file replaced on disk is seen as it was when first referenced.
/// Thread-safe: the cache is concurrent and Roslyn's metadata is immutable.
/// </remarks>
public static class MetadataReferences
{
    private static readonly ConcurrentDictionary<string, PortableExecutableReference> Cache = new(StringComparer.Ordinal);

    /// <summary>The reference to the assembly at <paramref name="path"/> (a full path), created on first use.</summary>
    public static PortableExecutableReference FromFile(string path) =>
        Cache.GetOrAdd(path, static p => AssemblyMetadata.CreateFromFile(p).GetReference(filePath: p));
}
