namespace Research.Notebooks.Execution;

/// <summary>
/// Splits a cell into the segments its kernels run: a line that is exactly a kernel selector (<c>#!csharp</c>,
/// <c>#!f#</c>, with trailing whitespace allowed) starts a new segment in that kernel; a <c>#!value</c> line with
/// options (<c>#!value --name x</c>) starts a value segment and stays in it for the value kernel to read. A selector
/// on the first line wins over the kernel the cell's metadata names, as in .NET Interactive. <c>#!time</c> lines time
/// the whole cell.
/// </summary>
internal static class CellSegments
{
    /// <summary>The magic that times the whole cell.</summary>
    public const string Time = "#!time";

    private const string ValueKernel = "value";

    /// <summary>The segments of <paramref name="source"/> (at least one) and whether <c>#!time</c> was present.</summary>
    /// <param name="source">The cell source.</param>
    /// <param name="selectors">The kernel names and aliases a selector line may use.</param>
    /// <param name="kernelName">The kernel of text before the first selector.</param>
    public static (IReadOnlyList<CellSegment> Segments, bool Timed) Split(string source, KernelInfoCollection selectors, string kernelName)
    {
        var lines = source.Split('\n');
        var owner = new int[lines.Length];
        var kernels = new List<string> { kernelName };
        var timed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith("#!", StringComparison.Ordinal) && selectors.TryResolve(line[2..], out var selected))
            {
                kernels.Add(selected);
                owner[i] = -1;
                continue;
            }

            if (line.StartsWith("#!" + ValueKernel + " ", StringComparison.Ordinal) && selectors.TryResolve(ValueKernel, out var value))
            {
                kernels.Add(value);
            }
            else if (line == Time)
            {
                timed = true;
                owner[i] = -1;
                continue;
            }

            owner[i] = kernels.Count - 1;
        }

        // Blank segments are dropped; a cell with no content at all still runs (empty) in the kernel it selects last.
        var segments = kernels
            .Select((kernel, k) => new CellSegment(kernel, string.Join('\n', lines.Select((l, i) => owner[i] == k ? l : string.Empty))))
            .Where(s => !s.Code.All(char.IsWhiteSpace))
            .ToList();
        if (segments.Count == 0)
        {
            segments.Add(new CellSegment(kernels[^1], string.Join('\n', lines.Select(_ => string.Empty))));
        }

        return (segments, timed);
    }
}
