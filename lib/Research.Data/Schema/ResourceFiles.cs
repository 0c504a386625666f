using Research.Data.FileSystem;

namespace Research.Data.Schema;

/// <summary>
/// Where the file of a data-package resource lies, and whether it may be read. The Frictionless specification forbids
/// absolute and <c>..</c> resource paths for safety; a descriptor that came with the data must not make the tool read
/// <c>/etc/passwd</c>. Resources outside the package directory (after resolving symbolic links) are refused unless the
/// caller allows them explicitly.
/// </summary>
public static class ResourceFiles
{
    /// <summary>
    /// The <see cref="AppContext"/> switch that allows resources outside the package directory in this process when a
    /// caller does not say (e.g. a notebook cell calling <see cref="Extract.Load(string)"/>): <c>research run
    /// --allow-external-resources</c> sets it, so notebooks run by the pipeline read what the pipeline was allowed to read.
    /// </summary>
    public const string AllowExternalSwitch = "Research.Data.AllowExternalResources";

    /// <summary>Whether <see cref="AllowExternalSwitch"/> is on in this process.</summary>
    public static bool ExternalAllowedByDefault => AppContext.TryGetSwitch(AllowExternalSwitch, out var allowed) && allowed;

    /// <summary>The file of <paramref name="resource"/> of the package in <paramref name="directory"/>.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="directory">The directory holding the package (and its <c>datapackage.json</c>, if any).</param>
    /// <param name="allowExternal">Allow a file outside <paramref name="directory"/>.</param>
    /// <exception cref="DescriptorException">The file lies outside the directory and <paramref name="allowExternal"/> is false.</exception>
    /// <exception cref="IOException">The path runs through a symbolic link loop.</exception>
    public static string Locate(TableResource resource, string directory, bool allowExternal)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var path = Path.GetFullPath(Path.Combine(directory, resource.Path));
        if (!allowExternal && !RealPath.IsWithin(path, directory))
        {
            throw new DescriptorException(DataPackage.FileName, $"$.resources[\"{resource.Name}\"].path",
                $"\"{resource.Path}\" lies outside the extract directory (absolute, '..' or through a symbolic link); it is not read unless external resources are allowed explicitly (--allow-external-resources)");
        }

        return path;
    }
}
