namespace Research.Statistics.Parallelism;

/// <summary>
/// Loops whose iterations are independent, run in parallel only when there is enough arithmetic to pay for it. Each
/// iteration writes its own slot, so the results are the same either way.
/// </summary>
/// <remarks>
/// A <see cref="Parallel.For(int, int, Action{int})"/> costs tens of microseconds of queueing, waking and joining pool
/// threads (system calls on a virtual machine), and a report at the default scale runs thousands of products over a few
/// thousand rows, each done in a few microseconds: there the loops run faster inline. National-size designs
/// (a hundred thousand rows) still use every processor.
/// </remarks>
internal static class SizedParallel
{
    /// <summary>About a millisecond of multiply-adds: below it, one thread is faster.</summary>
    public const long MinimumWork = 1 << 20;

    /// <summary>Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>; in parallel when <paramref name="work"/> (multiply-adds in all) reaches <see cref="MinimumWork"/>.</summary>
    public static void For(int count, long work, Action<int> body)
    {
        if (work < MinimumWork)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, body);
    }
}
