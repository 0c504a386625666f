using System.Text;

namespace Research.Notebooks.Execution;

/// <summary>
/// Replaces <see cref="Console.Out"/> and <see cref="Console.Error"/> once per process with writers that send text
/// to the cell running on the current async flow (<see cref="CellExecutionContext.Current"/>) and everything else
/// to the original console, so a progress display and concurrent runs do not mix with cell output.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>Installs the routing writers if that has not happened yet.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            Console.SetOut(new RoutingWriter(StreamOutput.Stdout, Console.Out));
            Console.SetError(new RoutingWriter(StreamOutput.Stderr, Console.Error));
            _installed = true;
        }
    }

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override IFormatProvider FormatProvider => fallback.FormatProvider;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            if (CellExecutionContext.Current is { } context)
            {
                context.WriteStream(stream, value);
            }
            else
            {
                fallback.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Flush()
        {
            if (CellExecutionContext.Current is null)
            {
                fallback.Flush();
            }
        }
    }
}
