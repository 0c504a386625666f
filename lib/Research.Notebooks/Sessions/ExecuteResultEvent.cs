using System.Text.Json.Nodes;

namespace Research.Notebooks.Sessions;

/// <summary>The value of the cell's trailing expression (Jupyter <c>execute_result</c>).</summary>
/// <param name="Data">The representations.</param>
/// <param name="Metadata">The output metadata.</param>
/// <param name="ExecutionCount">The execution count of the cell.</param>
public sealed record ExecuteResultEvent(MimeBundle Data, JsonObject Metadata, int ExecutionCount) : CellEvent
{
    /// <inheritdoc />
    public override CellOutput ToOutput() => new ExecuteResultOutput(Data, ExecutionCount) { Metadata = Metadata };
}
