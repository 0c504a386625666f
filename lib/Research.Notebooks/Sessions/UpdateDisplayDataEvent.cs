using System.Text.Json.Nodes;

namespace Research.Notebooks.Sessions;

/// <summary>
/// New contents for every output shown earlier with <see cref="DisplayId"/>, in any cell (Jupyter
/// <c>update_display_data</c>). It adds no output of its own.
/// </summary>
/// <param name="Data">The new representations.</param>
/// <param name="Metadata">The new output metadata.</param>
/// <param name="DisplayId">The id of the outputs to replace.</param>
public sealed record UpdateDisplayDataEvent(MimeBundle Data, JsonObject Metadata, string DisplayId) : CellEvent
{
    /// <inheritdoc />
    public override CellOutput? ToOutput() => null;
}
