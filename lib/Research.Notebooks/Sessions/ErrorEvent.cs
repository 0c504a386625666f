using Research.Notebooks.Execution;

namespace Research.Notebooks.Sessions;

/// <summary>The cell failed (Jupyter <c>error</c>); at most one per execution. Errors are never dropped by the output cap, only clipped.</summary>
/// <param name="Name">The error name (Jupyter <c>ename</c>), e.g. the exception type or <c>CompilationError</c>.</param>
/// <param name="Value">The message (Jupyter <c>evalue</c>).</param>
/// <param name="Traceback">Traceback lines.</param>
/// <param name="Line">The 1-based line in the cell where it failed, when known.</param>
/// <param name="Kind">An error in the code, a timeout, an interrupt, a cancelled run or the process ending.</param>
public sealed record ErrorEvent(string Name, string Value, IReadOnlyList<string> Traceback, int? Line, CellFailureKind Kind) : CellEvent
{
    /// <inheritdoc />
    public override CellOutput ToOutput() => new ErrorOutput(Name, Value, Traceback);
}
