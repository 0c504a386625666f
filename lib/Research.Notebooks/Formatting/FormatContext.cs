using System.Globalization;

namespace Research.Notebooks.Formatting;

/// <summary>
/// State shared by the formatters of one notebook run: size limits and a deterministic source of HTML element ids
/// (so identical runs write identical bytes).
/// </summary>
public sealed class FormatContext
{
    private int _nextId;

    /// <summary>A prefix that keeps element ids unique across notebooks shown on one page.</summary>
    public string IdPrefix { get; init; } = "nb";

    /// <summary>The most items of a sequence shown before the rest is elided (20, as in .NET Interactive).</summary>
    public int ListLimit { get; set; } = 20;

    /// <summary>The most rows of a table shown before the rest is elided.</summary>
    public int RowLimit { get; init; } = 25;

    /// <summary>How deep the value being formatted sits inside object trees (<see cref="ObjectTree"/>); 0 at the top.</summary>
    internal int Nesting { get; set; }

    /// <summary>A new element id, unique within this context: <c>{prefix}_{kind}_{n}</c> (also a valid JavaScript identifier).</summary>
    public string NewElementId(string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}_{kind}_{Interlocked.Increment(ref _nextId)}");
}
