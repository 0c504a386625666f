using Research.Notebooks.Execution;

namespace Microsoft.DotNet.Interactive;

/// <summary>The running cell every compatibility call acts on; .NET Interactive's statics are per process, ours per cell.</summary>
internal static class Running
{
    /// <summary>The context of the running cell.</summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook cell (e.g. from a library at load time).</exception>
    public static CellExecutionContext Cell =>
        CellExecutionContext.Current ?? throw new InvalidOperationException("this .NET Interactive API works only inside a running notebook cell.");
}
