namespace Research.Notebooks.Execution;

/// <summary>Why a cell failed, for the one-line report "notebook X, cell N, line L: message".</summary>
/// <param name="CellNumber">The 1-based cell number in the executed notebook.</param>
/// <param name="Line">The 1-based line in the cell, when known.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Kind">Whether it was an error in the cell, a timeout, an interrupt, a cancellation or the process ending.</param>
public sealed record CellFailure(int CellNumber, int? Line, string Message, CellFailureKind Kind);

/// <summary>The kinds of cell failure.</summary>
public enum CellFailureKind
{
    /// <summary>The code failed: compile error, exception, unknown magic or kernel.</summary>
    Error,

    /// <summary>The cell ran longer than the per-cell timeout and was stopped.</summary>
    Timeout,

    /// <summary>The run was cancelled (Ctrl-C).</summary>
    Cancelled,

    /// <summary>The host interrupted the cell (a Jupyter <c>interrupt_request</c>); the session stays usable.</summary>
    Interrupted,

    /// <summary>The process began to exit while the cell ran (e.g. <c>Environment.Exit</c> reached by reflection).</summary>
    ProcessExit,
}
