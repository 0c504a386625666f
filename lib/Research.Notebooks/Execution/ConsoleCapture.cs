using System.Text;

namespace Research.Notebooks.Execution;

/// <summary>
/// Replaces <see cref="Console.Out"/>, <see cref="Console.Error"/> and <see cref="Console.In"/> once per process with
/// ones that route to the cell running on the current async flow (<see cref="CellExecutionContext.Current"/>):
/// output becomes the cell's streams, input comes from the host's input provider. Everything outside a cell uses
/// the original console, so a progress display and concurrent runs do not mix with cell output.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>Installs the routing writers and reader if that has not happened yet.</summary>
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
            Console.SetIn(new RoutingReader(Console.In));
            _installed = true;
        }
    }

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override IFormatProvider FormatProvider => fallback.FormatProvider;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (CellExecutionContext.Current is { } context)
            {
                context.WriteStream(stream, buffer);
            }
            else
            {
                fallback.Write(buffer);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value.AsSpan());
            Write(CoreNewLine.AsSpan());
        }

        public override void Flush()
        {
            if (CellExecutionContext.Current is { } context)
            {
                context.FlushStreams();
            }
            else
            {
                fallback.Flush();
            }
        }
    }

    private sealed class RoutingReader(TextReader fallback) : TextReader
    {
        public override string? ReadLine() => CellExecutionContext.Current is { } context ? context.ReadLine() : fallback.ReadLine();

        public override int Read() => CellExecutionContext.Current is { } context ? context.ReadChar(peek: false) : fallback.Read();

        public override int Peek() => CellExecutionContext.Current is { } context ? context.ReadChar(peek: true) : fallback.Peek();
    }
}
