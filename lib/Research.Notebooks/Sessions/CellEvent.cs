namespace Research.Notebooks.Sessions;

/// <summary>
/// Something a running cell produced, reported live to the <see cref="ICellObserver"/> of its execution. Each
/// subtype is one Jupyter IOPub message type, so a kernel forwards events as they come and a headless host records
/// them (see <see cref="ToOutput"/>) as nbformat outputs.
/// </summary>
public abstract record CellEvent
{
    /// <summary>The nbformat output this event records, or null when it changes earlier outputs instead of adding one.</summary>
    public abstract CellOutput? ToOutput();
}
