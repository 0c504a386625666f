using Research.Data.Schema;
using Research.Pipeline.Hashing;

namespace Research.Pipeline.Inputs;

/// <summary>
/// Everything the reports read from an extract directory, as the data package names it: every declared resource
/// wherever it lies (a subdirectory, or outside the directory when that is allowed) and every other file at the top of
/// the directory (the descriptors <c>datapackage.json</c> and <c>experiments.json</c>, the planted effects
/// <c>truth.json</c>). These hashes key the cache and go into the provenance record, so a changed byte in any of them
/// re-runs the reports and makes <c>verify</c> name the input.
/// </summary>
public static class ExtractInputs
{
    /// <summary>The inputs of <paramref name="directory"/> with their full paths, in a stable order (resources first).</summary>
    /// <exception cref="DescriptorException">The descriptor is malformed, or a resource lies outside and <paramref name="allowExternal"/> is false.</exception>
    /// <exception cref="IOException">A path runs through a symbolic link loop.</exception>
    public static IReadOnlyList<(string Name, string FullPath)> Locate(string directory, bool allowExternal) => ExtractFiles.Locate(directory, allowExternal);

    /// <summary>The size in bytes of the inputs of <paramref name="directory"/> that exist.</summary>
    /// <exception cref="DescriptorException">See <see cref="Locate"/>.</exception>
    public static long TotalBytes(string directory, bool allowExternal) =>
        Locate(directory, allowExternal).Select(l => new FileInfo(l.FullPath)).Where(f => f.Exists).Sum(f => f.Length);

    /// <summary>Hashes the inputs of <paramref name="directory"/>.</summary>
    /// <exception cref="DescriptorException">See <see cref="Locate"/>.</exception>
    /// <exception cref="IOException">A file cannot be read (a missing resource file is reported by validation first).</exception>
    public static IReadOnlyList<InputFile> Hash(string directory, bool allowExternal) =>
        Locate(directory, allowExternal)
            .Where(l => File.Exists(l.FullPath))
            .Select(l => new InputFile(l.Name, Path.GetRelativePath(directory, l.FullPath).Replace('\\', '/'), FileHash.OfFile(l.FullPath)))
            .ToList();

    /// <summary>
    /// How <paramref name="now"/> differs from <paramref name="recorded"/>: one line per changed, missing or new input,
    /// naming it (e.g. <c>participants (data/participants.csv) has changed</c>).
    /// </summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<InputFile> recorded, IReadOnlyList<InputFile> now)
    {
        var current = now.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var input in recorded)
        {
            if (!current.TryGetValue(input.Name, out var again))
            {
                lines.Add($"{Describe(input)} is missing");
            }
            else if (again.Sha256 != input.Sha256 || again.Path != input.Path)
            {
                lines.Add(again.Path != input.Path
                    ? $"{Describe(input)} is now read from {again.Path}"
                    : $"{Describe(input)} has changed (recorded SHA-256 {input.Sha256[..12]}…, now {again.Sha256[..12]}…)");
            }
        }

        var known = recorded.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        lines.AddRange(now.Where(i => !known.Contains(i.Name)).Select(i => $"{Describe(i)} was not part of the recorded run"));
        return lines;
    }

    private static string Describe(InputFile input) => input.Name == input.Path ? $"input {input.Name}" : $"input {input.Name} ({input.Path})";
}
