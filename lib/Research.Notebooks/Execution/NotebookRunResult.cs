namespace Research.Notebooks.Execution;

/// <summary>The outcome of running a notebook; the executed outputs are in the notebook itself.</summary>
/// <param name="Failures">The failed cells in order (more than one only with errors allowed).</param>
/// <param name="CellsExecuted">How many code cells ran.</param>
/// <param name="Stopped">Whether the run stopped before the last cell.</param>
public sealed record NotebookRunResult(IReadOnlyList<CellFailure> Failures, int CellsExecuted, bool Stopped)
{
    /// <summary>True when every cell ran without failing.</summary>
    public bool Succeeded => Failures.Count == 0 && !Stopped;
}
