using System.Text.Json.Nodes;

namespace Research.Notebooks.Sessions;

/// <summary>A value shown with <c>display(...)</c> (Jupyter <c>display_data</c>).</summary>
/// <param name="Data">The representations by MIME type (always with <c>text/plain</c>).</param>
/// <param name="Metadata">The output metadata.</param>
/// <param name="DisplayId">
/// The id a later <see cref="UpdateDisplayDataEvent"/> refers to (Jupyter's <c>transient.display_id</c>), or null
/// when the output cannot be updated. Transient: it is not written to the notebook.
/// </param>
public sealed record DisplayDataEvent(MimeBundle Data, JsonObject Metadata, string? DisplayId) : CellEvent
{
    /// <inheritdoc />
    public override CellOutput ToOutput() => new DisplayDataOutput(Data) { Metadata = Metadata };
}
