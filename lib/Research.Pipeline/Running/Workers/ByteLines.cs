namespace Research.Pipeline.Running.Workers;

/// <summary>
/// Splits a byte stream into lines (each with its newline) without decoding it, so a log keeps the bytes a notebook wrote.
/// A line longer than the buffer comes out in pieces: a flood without newlines still reaches the log, capped there. A
/// piece is cut before the last record separator in it, so the worker's end line (which starts with one) is never split.
/// </summary>
internal sealed class ByteLines(Stream source, int bufferSize = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;

    /// <summary>The next line or piece, or an empty memory at the end of the stream. Valid until the next call.</summary>
    public async Task<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                return Take(newline + 1);
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                var separator = Array.LastIndexOf(_buffer, (byte)0x1E, _end - 1, _end);
                return Take(separator > 0 ? separator : _end);
            }

            var read = await source.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return Take(_end);
            }

            _end += read;
        }
    }

    private ReadOnlyMemory<byte> Take(int end)
    {
        var line = _buffer.AsMemory(_start, end - _start);
        _start = end;
        return line;
    }
}
