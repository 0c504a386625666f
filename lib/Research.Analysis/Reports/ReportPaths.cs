using System.Runtime.CompilerServices;

namespace Research.Analysis.Reports;

/// <summary>Resolves the report notebook's path parameters.</summary>
public static class ReportPaths
{
    /// <summary>
    /// <paramref name="path"/> as an absolute path: unchanged when absolute, else relative to the directory of the
    /// calling source file. In a notebook cell that file is the cell's script, which the host places in the notebook's
    /// directory, so relative parameters mean "relative to the notebook", whatever the current directory.
    /// </summary>
    public static string Resolve(string path, [CallerFilePath] string caller = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var directory = string.IsNullOrEmpty(caller) ? null : Path.GetDirectoryName(caller);
        return string.IsNullOrEmpty(directory) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(directory, path));
    }
}
