using System.Text;

namespace Research.Notebooks.Execution;

/// <summary>
/// The output cap of one cell (<see cref="NotebookHostOptions.MaxOutputBytes"/>), counted in UTF-8 bytes. Text is
/// cut at the limit on a character boundary; once the cap is reached everything but errors is dropped until the
/// cell clears its output.
/// </summary>
internal sealed class OutputBudget(long limit)
{
    private long _used;

    /// <summary>The cap in bytes.</summary>
    public long Limit => limit;

    /// <summary>Whether the cap has been reached.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>The part of <paramref name="text"/> that still fits (all of it, a prefix, or empty), counted as used.</summary>
    public string Take(string text)
    {
        if (Exhausted)
        {
            return string.Empty;
        }

        var fitting = Prefix(text, limit - _used);
        _used += Encoding.UTF8.GetByteCount(fitting);
        Exhausted = fitting.Length < text.Length;
        return fitting;
    }

    /// <summary>Whether a display of <paramref name="size"/> bytes fits; if so it is counted, if not the cap is reached.</summary>
    public bool Take(long size)
    {
        if (Exhausted || size > limit - _used)
        {
            Exhausted = true;
            return false;
        }

        _used += size;
        return true;
    }

    /// <summary>Starts counting again after the cell cleared its outputs.</summary>
    public void Reset()
    {
        _used = 0;
        Exhausted = false;
    }

    /// <summary>The size of a bundle: every representation's text (JSON serialized) in UTF-8 bytes.</summary>
    public static long SizeOf(MimeBundle bundle) =>
        bundle.MimeTypes.Sum(mime => (long)Encoding.UTF8.GetByteCount(bundle.GetText(mime) ?? string.Empty));

    /// <summary>The longest prefix of <paramref name="text"/> of at most <paramref name="bytes"/> UTF-8 bytes that ends on a whole character.</summary>
    public static string Prefix(string text, long bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= bytes)
        {
            return text;
        }

        long size = 0;
        var end = 0;
        while (end < text.Length)
        {
            // A lone surrogate decodes as U+FFFD, which is also what the UTF-8 encoder writes for it.
            Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out var length);
            if (size + rune.Utf8SequenceLength > bytes)
            {
                break;
            }

            size += rune.Utf8SequenceLength;
            end += length;
        }

        return text[..end];
    }
}
