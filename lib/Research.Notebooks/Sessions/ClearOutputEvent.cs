namespace Research.Notebooks.Sessions;

/// <summary>
/// Clears the running cell's outputs (Jupyter <c>clear_output</c>). With <see cref="Wait"/>, the outputs are cleared
/// only when the next output arrives, so an animation replaces its frame without flicker.
/// </summary>
/// <param name="Wait">Clear when the next output arrives rather than now.</param>
public sealed record ClearOutputEvent(bool Wait) : CellEvent
{
    /// <inheritdoc />
    public override CellOutput? ToOutput() => null;
}
