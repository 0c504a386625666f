using System.Collections.Concurrent;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Tests.Parallelism;

public sealed class SizedParallelTests
{
    [Fact]
    public void Little_work_runs_every_iteration_in_order_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Index, int Thread)>();

        SizedParallel.For(100, SizedParallel.MinimumWork - 1, i => seen.Add((i, Environment.CurrentManagedThreadId)));

        Assert.Equal(Enumerable.Range(0, 100), seen.Select(s => s.Index));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
    }

    [Fact]
    public void Enough_work_runs_every_iteration_exactly_once()
    {
        var seen = new ConcurrentBag<int>();

        SizedParallel.For(1000, SizedParallel.MinimumWork, seen.Add);

        Assert.Equal(Enumerable.Range(0, 1000), seen.Order());
    }

    [Fact]
    public void With_one_processor_even_enough_work_runs_in_order_on_the_calling_thread()
    {
        // A run-all worker given one processor must not put a pool thread beside its own: that thread's cycles are the
        // next worker's.
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Index, int Thread)>();

        SizedParallel.For(1000, SizedParallel.MinimumWork * 100, i => seen.Add((i, Environment.CurrentManagedThreadId)), processors: 1);

        Assert.Equal(Enumerable.Range(0, 1000), seen.Select(s => s.Index));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
    }
}
