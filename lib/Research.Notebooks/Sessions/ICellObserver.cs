namespace Research.Notebooks.Sessions;

/// <summary>
/// Receives what one cell execution produces, as it happens. The session calls <see cref="OnEvent"/> for one
/// execution at a time and never concurrently, in the order the cell produced the events, from whichever thread
/// produced them (the cell's thread, a thread the cell started, or the session's stream-flush timer). Keep it
/// quick: the cell waits while it runs. It must not call back into the session's <c>ExecuteAsync</c>, and must not
/// write to <see cref="Console"/>, which the session routes to cells (a cell holding the console's lock may be waiting
/// for this call): log to a stream opened with <see cref="Console.OpenStandardError()"/> instead. An exception it
/// throws does not reach the cell; <c>ExecuteAsync</c> rethrows it when the cell has ended.
/// </summary>
public interface ICellObserver
{
    /// <summary>Handles one event of the running cell.</summary>
    void OnEvent(CellEvent cellEvent);
}
