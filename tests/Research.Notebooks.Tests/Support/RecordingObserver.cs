using System.Diagnostics;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Tests.Support;

/// <summary>Keeps every event a session reports, with when it arrived, and lets a test react as it arrives.</summary>
internal sealed class RecordingObserver(Action<CellEvent>? onEvent = null) : ICellObserver
{
    private readonly List<(CellEvent Event, TimeSpan At)> _events = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<CellEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.Select(e => e.Event).ToList();
            }
        }
    }

    public string Stdout => string.Concat(Events.OfType<StreamEvent>().Where(s => s.Name == StreamOutput.Stdout).Select(s => s.Text));

    public void OnEvent(CellEvent cellEvent)
    {
        lock (_events)
        {
            _events.Add((cellEvent, _clock.Elapsed));
        }

        onEvent?.Invoke(cellEvent);
    }
}
