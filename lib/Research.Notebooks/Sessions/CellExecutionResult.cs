using Research.Notebooks.Execution;

namespace Research.Notebooks.Sessions;

/// <summary>How one cell execution ended (the content of a Jupyter <c>execute_reply</c>); its outputs went to the observer.</summary>
/// <param name="ExecutionCount">The execution count (for a silent execution: the session's current count, unchanged).</param>
/// <param name="KernelName">The canonical name of the kernel that ran the cell.</param>
/// <param name="Failure">Why the cell failed, or null when it succeeded.</param>
/// <param name="Started">When execution started (UTC), after the kernel was ready.</param>
/// <param name="Finished">When execution ended (UTC).</param>
/// <param name="Abandoned">
/// The cell was stopped (interrupt, timeout, cancellation) but its code did not end within the grace period; its
/// thread may still be running. The session stays usable, and the kernel keeps the state from before the cell.
/// </param>
public sealed record CellExecutionResult(int ExecutionCount, string KernelName, CellFailure? Failure, DateTimeOffset Started, DateTimeOffset Finished, bool Abandoned)
{
    /// <summary>True when the cell ran without failing.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The wall time of the execution.</summary>
    public TimeSpan Duration => Finished - Started;
}
