namespace Research.Notebooks.Execution;

/// <summary>
/// The magic lines the host handles for every kernel: a leading kernel selector (<c>#!csharp</c>, kept in
/// <c>.ipynb</c> sources) and <c>#!time</c>. They are blanked, not removed, so line numbers stay cell line numbers.
/// </summary>
internal static class CellMagics
{
    /// <summary>The magic that times the whole cell.</summary>
    public const string Time = "#!time";

    /// <summary>
    /// The code to hand to the kernel, whether <c>#!time</c> was present, and the canonical kernel a leading selector
    /// line names (null without one).
    /// </summary>
    public static (string Code, bool Timed, string? Kernel) Strip(string source, KernelInfoCollection selectors)
    {
        var lines = source.Split('\n');
        var timed = false;
        var first = true;
        string? kernel = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var blank = line.Trim().Length == 0;
            if (first && line.StartsWith("#!", StringComparison.Ordinal) && selectors.TryResolve(line[2..], out var selected))
            {
                lines[i] = string.Empty;
                kernel = selected;
            }
            else if (line.TrimEnd() == Time)
            {
                lines[i] = string.Empty;
                timed = true;
            }

            first &= blank;
        }

        return (string.Join('\n', lines), timed, kernel);
    }
}
