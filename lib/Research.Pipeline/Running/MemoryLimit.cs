using System.Globalization;

namespace Research.Pipeline.Running;

/// <summary>
/// The memory limit of one notebook process: the .NET GC heap hard limit of the child (<c>DOTNET_GCHeapHardLimit</c>), so a
/// runaway notebook fails with an OutOfMemoryException in its own cell instead of taking the machine (and its sibling
/// reports) into the kernel's out-of-memory killer.
/// </summary>
public static class MemoryLimit
{
    /// <summary>The smallest limit accepted: below this the runtime itself cannot start a notebook.</summary>
    public const long MinimumBytes = 64L << 20;

    /// <summary>
    /// The default per notebook: 80 % of the memory available to this process (the container's limit where there is one),
    /// shared by the notebooks that run at once, but at least 1 GiB.
    /// </summary>
    public static long DefaultBytes(int parallelism) =>
        Math.Max(1L << 30, (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.8 / Math.Max(1, parallelism)));

    /// <summary>
    /// Parses <c>4G</c>, <c>512M</c>, <c>1.5G</c>, <c>800K</c> or a number of bytes (binary units), or <c>none</c> for no limit.
    /// </summary>
    /// <returns>Whether the text is a limit of at least <see cref="MinimumBytes"/> or <c>none</c>.</returns>
    public static bool TryParse(string text, out long? bytes)
    {
        bytes = null;
        var value = text.Trim();
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var unit = value.Length > 0 ? char.ToUpperInvariant(value[^1]) : ' ';
        var shift = unit switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        var number = shift == 0 ? value : value[..^1];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            return false;
        }

        var total = amount * Math.Pow(2, shift);
        if (total < MinimumBytes || total > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }

    /// <summary><paramref name="bytes"/> in the largest whole binary unit, e.g. <c>4.0 GiB</c>.</summary>
    public static string Format(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");
}
