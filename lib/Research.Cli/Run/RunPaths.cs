using Research.Data.FileSystem;

namespace Research.Cli.Run;

/// <summary>
/// The input and output files of <c>research run</c>, compared as real paths (symbolic links resolved), so no spelling
/// of a path can make an output overwrite the input notebook or another output.
/// </summary>
internal static class RunPaths
{
    /// <summary>What is wrong with the outputs, or null when they are safe to write.</summary>
    /// <exception cref="IOException">A path runs through a symbolic link loop.</exception>
    public static string? Problem(string input, string output, string? html, bool inPlace)
    {
        var realInput = RealPath.Of(input);
        var realOutput = RealPath.Of(output);
        var realHtml = html is null ? null : RealPath.Of(html);
        if (realHtml == realInput)
        {
            return $"--html '{html}' is the input notebook; the report would overwrite it.";
        }

        if (realOutput == realInput && !inPlace)
        {
            return $"--output '{output}' is the input notebook; add --in-place to overwrite it.";
        }

        if (realHtml == realOutput)
        {
            return $"--output and --html are the same file '{html}'; give the report another name.";
        }

        foreach (var (option, path) in new[] { ("--output", (string?)output), ("--html", html) })
        {
            if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
            {
                return $"the directory of {option} '{path}' does not exist.";
            }
        }

        return null;
    }
}
