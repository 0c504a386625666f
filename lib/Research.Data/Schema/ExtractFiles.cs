namespace Research.Data.Schema;

/// <summary>
/// Every file an extract directory's contents depend on, as the data package names them: every declared resource
/// wherever it lies (a subdirectory, or outside the directory when that is allowed) and every other file at the top of
/// the directory (the descriptors <c>datapackage.json</c> and <c>experiments.json</c>, the planted effects
/// <c>truth.json</c>). The extract cache and the pipeline's job cache and provenance hash exactly these, so a changed,
/// added or removed file is seen by both.
/// </summary>
public static class ExtractFiles
{
    /// <summary>The files of <paramref name="directory"/> with their full paths, in a stable order (resources first).</summary>
    /// <exception cref="DescriptorException">The descriptor is malformed, or a resource lies outside and <paramref name="allowExternal"/> is false.</exception>
    /// <exception cref="IOException">A path runs through a symbolic link loop.</exception>
    public static IReadOnlyList<(string Name, string FullPath)> Locate(string directory, bool allowExternal)
    {
        var package = DataPackage.ForDirectory(directory);
        var located = package.Resources.Select(r => (r.Name, FullPath: ResourceFiles.Locate(r, directory, allowExternal))).ToList();
        var taken = located.Select(l => l.FullPath).ToHashSet(StringComparer.Ordinal);
        located.AddRange(Directory.EnumerateFiles(directory)
            .Select(Path.GetFullPath)
            .Where(f => !taken.Contains(f))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), f)));
        return located;
    }
}
