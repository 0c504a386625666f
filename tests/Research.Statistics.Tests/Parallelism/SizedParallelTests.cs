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

    [Fact]
    public void A_parallel_sum_has_the_bits_of_its_blocks_added_in_order_on_any_number_of_processors()
    {
        // Magnitudes spread over twelve decades, so that adding in another order changes the last bits.
        var random = new Random(20261202);
        var values = Enumerable.Range(0, 1_000_003).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(12))).ToArray();
        const int block = 4096;
        var expected = 0.0;
        for (var start = 0; start < values.Length; start += block)
        {
            var sum = 0.0;
            for (var i = start; i < Math.Min(values.Length, start + block); i++)
            {
                sum += values[i];
            }

            expected += sum;
        }

        foreach (var processors in new[] { 1, 2, 8 })
        {
            for (var run = 0; run < 5; run++)
            {
                var actual = SizedParallel.Sum(values.Length, block, SizedParallel.MinimumWork * 100, (start, end) => Sum(values, start, end), processors);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
            }
        }
    }

    private static double Sum(double[] values, int start, int end)
    {
        // A thread's pause in the middle of a block, so that blocks finish out of order where threads share them.
        Thread.SpinWait((start * 7919) % 20_000);
        var sum = 0.0;
        for (var i = start; i < end; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
