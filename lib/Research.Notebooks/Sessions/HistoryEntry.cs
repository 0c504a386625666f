namespace Research.Notebooks.Sessions;

/// <summary>One executed cell in a session's history (what Jupyter's <c>history_request</c> answers from).</summary>
/// <param name="ExecutionCount">The execution count the cell ran with.</param>
/// <param name="Code">The cell's code as submitted.</param>
/// <param name="KernelName">The canonical name of the kernel that ran it.</param>
public sealed record HistoryEntry(int ExecutionCount, string Code, string KernelName);
