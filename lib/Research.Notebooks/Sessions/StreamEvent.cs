namespace Research.Notebooks.Sessions;

/// <summary>
/// Text the cell wrote to <c>stdout</c> or <c>stderr</c> (Jupyter <c>stream</c>). Writes are buffered briefly and
/// delivered in chunks, never held back longer than the session's flush interval.
/// </summary>
/// <param name="Name"><see cref="StreamOutput.Stdout"/> or <see cref="StreamOutput.Stderr"/>.</param>
/// <param name="Text">The text written since the previous chunk of any event.</param>
public sealed record StreamEvent(string Name, string Text) : CellEvent
{
    /// <inheritdoc />
    public override CellOutput ToOutput() => new StreamOutput(Name, Text);
}
