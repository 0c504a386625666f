namespace Research.Notebooks.Execution;

/// <summary>
/// Runs the cells of one language. A host holds one instance per kernel per notebook run, so a kernel may keep
/// state (variables, references) from cell to cell. Failures in user code are reported through
/// <see cref="CellExecutionContext.Fail"/>, not thrown.
/// </summary>
public interface IKernel
{
    /// <summary>The canonical kernel name used in cell metadata and <c>#!name</c> lines, e.g. <c>csharp</c>.</summary>
    string Name { get; }

    /// <summary>Other names that select this kernel, e.g. <c>c#</c>.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>
    /// Completes when the kernel can run cells (e.g. the script engine is warm). The host waits for it before starting
    /// a cell's timeout clock, so engine start-up on a loaded machine never counts as a slow cell.
    /// </summary>
    Task ReadyAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="code"/> (magic lines already blanked), publishing outputs to <paramref name="context"/>.</summary>
    Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken);
}
