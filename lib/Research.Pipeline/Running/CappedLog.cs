using System.Globalization;
using System.Text;

namespace Research.Pipeline.Running;

/// <summary>A log file that two output streams write into, chunk by chunk, up to a byte limit and then a note that it was cut.</summary>
internal sealed class CappedLog(string path, long limitBytes) : IAsyncDisposable
{
    private readonly FileStream _file = new(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _written;
    private bool _truncated;

    /// <summary>Copies <paramref name="source"/> into the log until it ends (the rest is read and dropped once the log is full).</summary>
    public async Task CopyAsync(Stream source)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await _gate.WaitAsync();
            try
            {
                var room = (int)Math.Min(read, limitBytes - _written);
                if (room > 0)
                {
                    await _file.WriteAsync(buffer.AsMemory(0, room));
                    _written += room;
                }

                if (room < read && !_truncated)
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
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _gate.Dispose();
    }
}
