namespace Research.Notebooks.Sessions;

/// <summary>
/// Receives what one cell execution produces, as it happens. The session calls <see cref="OnEvent"/> for one
/// execution at a time and never concurrently, in the order the cell produced the events, from whichever thread
/// produced them (the cell's thread, a thread the cell started, or the session's stream-flush timer). Keep it
/// quick: the cell waits while it runs. It must not call back into the session's <c>ExecuteAsync</c>.
/// </summary>
public interface ICellObserver
{
    /// <summary>Handles one event of the running cell.</summary>
    void OnEvent(CellEvent cellEvent);
}
