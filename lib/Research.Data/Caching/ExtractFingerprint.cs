using System.Text;
using Research.Data.Schema;

namespace Research.Data.Caching;

/// <summary>
/// What an extract cache entry is keyed by: the digest (<see cref="CacheDigest"/>) of every file of the extract
/// (<see cref="ExtractFiles"/>), the cache format and the build of this library (whose reading rules made the typed
/// tables). Any changed, added or removed file, or another build, gives another key.
/// </summary>
internal sealed record ExtractFingerprint(IReadOnlyList<CachedInput> Inputs, string Key, IReadOnlyList<(string FullPath, long Length, DateTime Written)> Stamps)
{
    /// <summary>The cache format; a reader ignores entries of any other.</summary>
    public const string Format = "research-extract-cache/3";

    /// <summary>The build of the reading rules (the module version id is deterministic for the same sources).</summary>
    public static string Build { get; } = typeof(ExtractFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Hashes every file of <paramref name="directory"/>.</summary>
    /// <exception cref="DescriptorException">The descriptor is malformed or a resource may not be read.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ExtractFingerprint Of(string directory, bool allowExternal)
    {
        var located = ExtractFiles.Locate(directory, allowExternal).Where(l => File.Exists(l.FullPath)).ToList();
        var stamps = located.Select(l => (l.FullPath, new FileInfo(l.FullPath).Length, File.GetLastWriteTimeUtc(l.FullPath))).ToList();
        var inputs = located
            .Select(l => new CachedInput(l.Name, System.IO.Path.GetRelativePath(directory, l.FullPath).Replace('\\', '/'), CacheDigest.OfFile(l.FullPath)))
            .ToList();
        var text = new StringBuilder().Append(Format).Append('\n').Append(Build).Append('\n');
        foreach (var input in inputs)
        {
            text.Append(input.Name).Append('\t').Append(input.Path).Append('\t').Append(input.Digest).Append('\n');
        }

        return new ExtractFingerprint(inputs, CacheDigest.Of(Encoding.UTF8.GetBytes(text.ToString())), stamps);
    }

    /// <summary>Whether a file was written, grown or shrunk since it was hashed (e.g. while it was being validated).</summary>
    public bool Unchanged() => Stamps.All(s => File.Exists(s.FullPath) && new FileInfo(s.FullPath).Length == s.Length && File.GetLastWriteTimeUtc(s.FullPath) == s.Written);

    /// <summary>
    /// How <paramref name="now"/> differs from these inputs, one phrase per changed, missing or new file (e.g.
    /// <c>register_months changed</c>), or the build when only that differs.
    /// </summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<CachedInput> recorded, IReadOnlyList<CachedInput> now)
    {
        var current = now.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var known = recorded.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return recorded.Select(r => !current.TryGetValue(r.Name, out var again) ? $"{r.Name} was removed"
                : again.Digest != r.Digest || again.Path != r.Path ? $"{r.Name} changed" : null)
            .OfType<string>()
            .Concat(now.Where(i => !known.Contains(i.Name)).Select(i => $"{i.Name} was added"))
            .ToList();
    }
}
