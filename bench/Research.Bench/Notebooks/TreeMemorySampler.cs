using System.Globalization;

namespace Research.Bench.Notebooks;

/// <summary>
/// Samples, every 100 ms, the resident memory (RSS, from /proc) of all descendants of a process together and keeps the
/// peak: "peak memory of all processes together" for a run that starts workers and children.
/// </summary>
internal sealed class TreeMemorySampler : IDisposable
{
    private readonly int _root;
    private readonly Timer _timer;
    private long _peak;

    public TreeMemorySampler(int root)
    {
        _root = root;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The largest sum seen so far, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var parents = new Dictionary<int, int>();
        var resident = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                resident[pid] = long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // the process ended while it was read
            }
        }

        var total = resident.Where(p => p.Key != _root && Descends(p.Key, parents)).Sum(p => p.Value);
        long seen;
        while (total > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, total, seen) != seen)
        {
            // another sample raced this one
        }
    }

    private bool Descends(int pid, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64 && parents.TryGetValue(pid, out var parent); depth++)
        {
            if (parent == _root)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }
}
