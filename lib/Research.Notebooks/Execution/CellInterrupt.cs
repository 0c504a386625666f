using System.Runtime.CompilerServices;

namespace Research.Notebooks.Execution;

/// <summary>
/// The cooperative interrupt point of cell code. The C# kernel inserts a call to <see cref="Check"/> at the start of
/// every loop body and of every method, local function and block lambda a cell declares, so an interrupt or timeout
/// stops a CPU-bound loop (.NET has no <c>Thread.Abort</c>). Library code with long loops may call it as well.
/// </summary>
/// <remarks>
/// While no cell in the process is being interrupted, a check is one volatile read of a static field; only then does
/// it look up the running cell (an async-local read) to see whether the interrupt is its own, so sessions running
/// side by side do not stop each other.
/// </remarks>
public static class CellInterrupt
{
    private static int _interrupting;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the cell running on this flow has been interrupted.</summary>
    public static void Check()
    {
        if (Volatile.Read(ref _interrupting) != 0)
        {
            CheckRunningCell();
        }
    }

    /// <summary>Marks one more cell as being interrupted, until <see cref="Lower"/>.</summary>
    internal static void Raise() => Interlocked.Increment(ref _interrupting);

    /// <summary>Marks an interrupted cell as ended.</summary>
    internal static void Lower() => Interlocked.Decrement(ref _interrupting);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckRunningCell() => CellExecutionContext.Current?.ThrowIfInterrupted();
}
