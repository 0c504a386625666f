using System.Text;
using Research.Data.Text;

namespace Research.Cli.Terminal;

/// <summary>
/// A writer in front of the terminal that shows control characters as visible escapes (<see cref="PrintableText"/>):
/// whatever a cell, an extract or a file name contains, it cannot move the cursor, recolour or retitle the terminal.
/// Line breaks, tabs and carriage returns pass (progress lines rewrite themselves with <c>\r</c>).
/// </summary>
internal sealed class EscapingWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <summary>Whether <paramref name="writer"/> ends up on <paramref name="target"/> (e.g. the console's standard error).</summary>
    public static bool WritesTo(TextWriter writer, TextWriter target) =>
        ReferenceEquals(writer, target) || (writer is EscapingWriter escaping && ReferenceEquals(escaping.Inner, target));

    private TextWriter Inner => inner;

    /// <inheritdoc />
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (PrintableText.IsUnsafe(value) && value is not ('\n' or '\r' or '\t'))
        {
            inner.Write(PrintableText.Escape(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is not null)
        {
            inner.Write(PrintableText.Escape(value, keepLineBreaks: true));
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();
}
