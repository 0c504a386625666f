using Research.Notebooks.Sessions;

namespace Research.Notebooks;

/// <summary>
/// An output shown with <c>display(x)</c> or <c>x.Display()</c> that can be replaced in place: <see cref="Update"/>
/// sends Jupyter's <c>update_display_data</c>, so a front end redraws the output where it is, and a headless run
/// replaces the recorded output (in whichever cell it was shown). Keep the handle in a variable to update the output
/// from a later cell or from a background task.
/// </summary>
/// <remarks>
/// The handle is immutable and safe to use from any thread. An update goes to the cell running at that moment (as
/// in Jupyter, the update message belongs to the current execution); while no cell runs, it is dropped.
/// </remarks>
public sealed class DisplayHandle
{
    private readonly NotebookSession _session;

    internal DisplayHandle(string displayId, NotebookSession session)
    {
        DisplayId = displayId;
        _session = session;
    }

    /// <summary>The display id (Jupyter's <c>transient.display_id</c>) shared by the output and its updates.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the shown value by <paramref name="value"/>, optionally only as <paramref name="mimeTypes"/>.</summary>
    public void Update(object? value, params string[] mimeTypes) => _session.UpdateDisplay(DisplayId, value, mimeTypes);

    /// <inheritdoc />
    public override string ToString() => $"display {DisplayId}";
}
