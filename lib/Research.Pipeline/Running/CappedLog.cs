using System.Globalization;
using System.Text;

namespace Research.Pipeline.Running;

/// <summary>A log file that several output streams write into, chunk by chunk, up to a byte limit and then a note that it was cut.</summary>
internal sealed class CappedLog(string path, long limitBytes) : IAsyncDisposable
{
    private readonly FileStream _file = new(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _written;
    private bool _truncated;
    private bool _closed;

    /// <summary>Copies <paramref name="source"/> into the log until it ends (the rest is read and dropped once the log is full).</summary>
    public async Task CopyAsync(Stream source)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await WriteAsync(buffer.AsMemory(0, read));
        }
    }

    /// <summary>Appends <paramref name="chunk"/> as far as the limit allows; after the log is closed, drops it.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> chunk)
    {
        await _gate.WaitAsync();
        try
        {
            if (_closed)
            {
                return;
            }

            var room = (int)Math.Min(chunk.Length, limitBytes - _written);
            if (room > 0)
            {
                await _file.WriteAsync(chunk[..room]);
                _written += room;
            }

            if (room < chunk.Length && !_truncated)
            {
                _truncated = true;
                await _file.WriteAsync(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\n[log cut at {limitBytes} bytes]\n")));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _closed = true;
            await _file.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
