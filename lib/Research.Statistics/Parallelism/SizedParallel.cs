namespace Research.Statistics.Parallelism;

/// <summary>
/// Loops whose iterations are independent, run in parallel only when there is enough arithmetic to pay for it. Each
/// iteration writes its own slot, and sums are added block by block in a fixed order, so the results are the same bit
/// for bit either way.
/// </summary>
/// <remarks>
/// A <see cref="Parallel.For(int, int, Action{int})"/> costs tens of microseconds of queueing, waking and joining pool
/// threads (system calls on a virtual machine), and a report at the default scale runs thousands of products over a few
/// thousand rows, each done in a few microseconds: there the loops run faster inline. National-size designs
/// (a hundred thousand rows) still use every processor, but never more: with one processor
/// (<see cref="Environment.ProcessorCount"/>, e.g. a run-all worker given its share of the cores) the loops run inline,
/// where <see cref="Parallel.For(int, int, Action{int})"/> would still put a pool thread beside the calling one, and
/// that thread takes its cycles from the worker next to it.
/// </remarks>
internal static class SizedParallel
{
    /// <summary>About a millisecond of multiply-adds: below it, one thread is faster.</summary>
    public const long MinimumWork = 1 << 20;

    /// <summary>Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>; in parallel when <paramref name="work"/> (multiply-adds in all) reaches <see cref="MinimumWork"/> and there is more than one processor.</summary>
    public static void For(int count, long work, Action<int> body) => For(count, work, body, Environment.ProcessorCount);

    /// <summary>As <see cref="For(int, long, Action{int})"/> with <paramref name="processors"/> processors.</summary>
    internal static void For(int count, long work, Action<int> body, int processors)
    {
        if (work < MinimumWork || processors == 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, body);
    }

    /// <summary>
    /// The sum over 0 ≤ i &lt; <paramref name="count"/> as blocks of <paramref name="blockLength"/> indices, each summed by
    /// <paramref name="blockSum"/> (start, end), the blocks' sums added in block order: the same bits whichever thread
    /// summed which block and in whatever order they finished.
    /// </summary>
    public static double Sum(int count, int blockLength, long work, Func<int, int, double> blockSum) =>
        Sum(count, blockLength, work, blockSum, Environment.ProcessorCount);

    /// <summary>As <see cref="Sum(int, int, long, Func{int, int, double})"/> with <paramref name="processors"/> processors.</summary>
    internal static double Sum(int count, int blockLength, long work, Func<int, int, double> blockSum, int processors)
    {
        var blocks = (count + blockLength - 1) / blockLength;
        var sums = new double[blocks];
        For(blocks, work, b => sums[b] = blockSum(b * blockLength, Math.Min(count, (b + 1) * blockLength)), processors);
        var total = 0.0;
        foreach (var sum in sums)
        {
            total += sum;
        }

        return total;
    }
}
