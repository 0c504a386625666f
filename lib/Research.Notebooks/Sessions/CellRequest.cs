namespace Research.Notebooks.Sessions;

/// <summary>One cell to execute in a <see cref="NotebookSession"/> (the content of a Jupyter <c>execute_request</c>).</summary>
/// <param name="Code">The cell source, possibly starting with a kernel selector line such as <c>#!csharp</c>.</param>
public sealed record CellRequest(string Code)
{
    /// <summary>
    /// The kernel to run in (name or alias), e.g. from the cell's metadata. Null: a leading <c>#!kernel</c> line
    /// selects it, otherwise the session's <see cref="NotebookSession.DefaultKernelName"/>.
    /// </summary>
    public string? KernelName { get; init; }

    /// <summary>
    /// A number naming the cell in failures, file names and traceback paths (the cell's position in a notebook);
    /// null: the execution count.
    /// </summary>
    public int? CellNumber { get; init; }

    /// <summary>Jupyter's <c>silent</c>: no execution count, no history, and no <c>execute_result</c>.</summary>
    public bool Silent { get; init; }

    /// <summary>Jupyter's <c>store_history</c>: count the execution and record it in the history (ignored when silent).</summary>
    public bool StoreHistory { get; init; } = true;

    /// <summary>Answers input requests of this execution; null: the session's <see cref="Execution.NotebookHostOptions.Input"/>.</summary>
    public IInputProvider? Input { get; init; }
}
