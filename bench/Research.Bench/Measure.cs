using System.Diagnostics;

namespace Research.Bench;

/// <summary>Wall time, managed allocations and peak working set of one action.</summary>
public readonly record struct Measurement(TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSetBytes)
{
    /// <summary>Runs <paramref name="action"/> once and measures it.</summary>
    public static Measurement Of(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Measurement(watch.Elapsed, allocated, process.PeakWorkingSet64);
    }

    /// <summary>Runs <paramref name="action"/> once untimed (JIT and page-in), then <paramref name="repeats"/> times; the fastest run.</summary>
    public static Measurement BestOf(int repeats, Action action)
    {
        action();
        return Enumerable.Range(0, repeats).Select(_ => Of(action)).MinBy(m => m.Elapsed);
    }

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{Elapsed.TotalMilliseconds,10:F1} ms  alloc {AllocatedBytes / 1048576.0,9:F1} MiB  peak WS {PeakWorkingSetBytes / 1048576.0,9:F1} MiB");
}
