using Research.Notebooks;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// .NET Interactive's context of the running submission, as notebooks use it: <see cref="Current"/>,
/// <see cref="Display"/>, <see cref="CancellationToken"/> and the <see cref="HandlingKernel"/>.
/// </summary>
public sealed class KernelInvocationContext
{
    private readonly Research.Notebooks.Execution.CellExecutionContext _cell;

    private KernelInvocationContext(Research.Notebooks.Execution.CellExecutionContext cell) => _cell = cell;

    /// <summary>The context of the running cell, or null outside one (as in .NET Interactive between submissions).</summary>
    public static KernelInvocationContext? Current =>
        Research.Notebooks.Execution.CellExecutionContext.Current is { } cell ? new KernelInvocationContext(cell) : null;

    /// <summary>Cancelled when the cell is interrupted or times out.</summary>
    public CancellationToken CancellationToken => _cell.CancellationToken;

    /// <summary>The kernel running the cell.</summary>
    public Kernel HandlingKernel => Kernel.For(_cell, _cell.KernelName)!;

    /// <summary>Shows <paramref name="value"/>, optionally only as <paramref name="mimeTypes"/>; the handle updates it in place.</summary>
    public DisplayHandle Display(object? value, params string[] mimeTypes) => _cell.Display(value, mimeTypes);
}
