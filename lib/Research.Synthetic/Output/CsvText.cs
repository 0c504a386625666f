using System.Globalization;
using System.Text;

namespace Research.Synthetic.Output;

/// <summary>Appends CSV fields in the canonical invariant form (',' delimiter, '.' decimals, 1/0 booleans).</summary>
internal static class CsvText
{
    public static StringBuilder Field(this StringBuilder text, string? value)
    {
        if (value is null)
        {
            return text;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return text.Append(value);
        }

        return text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public static StringBuilder Field(this StringBuilder text, long value) => text.Append(value.ToString(CultureInfo.InvariantCulture));

    public static StringBuilder Field(this StringBuilder text, bool value) => text.Append(value ? '1' : '0');

    public static StringBuilder Field(this StringBuilder text, DateOnly value) => text.Append(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A number with at most <paramref name="decimals"/> (1 or 2) decimals and no trailing zeros.</summary>
    public static StringBuilder Field(this StringBuilder text, double value, int decimals)
    {
        Span<char> buffer = stackalloc char[32];
        var format = decimals == 1 ? "F1" : "F2";
        if (!Math.Round(value, decimals).TryFormat(buffer, out var n, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("number too long to format");
        }

        while (buffer[n - 1] == '0')
        {
            n--;
        }

        if (buffer[n - 1] == '.')
        {
            n--;
        }

        return text.Append(buffer[..n]);
    }

    public static StringBuilder Comma(this StringBuilder text) => text.Append(',');

    public static StringBuilder EndRow(this StringBuilder text) => text.Append('\n');
}
