using Research.Notebooks.Execution;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Tests.Support;

/// <summary>Sessions whose C# cells can reach this test assembly (for probes the tests and cells share).</summary>
internal static class TestSessions
{
    public static NotebookSession Create(Action<NotebookHostOptions>? configure = null, string? workingDirectory = null)
    {
        var options = new NotebookHostOptions();
        options.DefaultAssemblies.Add(typeof(TestSessions).Assembly);
        options.DefaultUsings.Add("Research.Notebooks.Tests.Support");
        configure?.Invoke(options);
        return new NotebookSession(options, workingDirectory);
    }

    public static async Task<(CellExecutionResult Result, RecordingObserver Observer)> RunAsync(this NotebookSession session, string code)
    {
        var observer = new RecordingObserver();
        var result = await session.ExecuteAsync(code, null, observer);
        return (result, observer);
    }
}

/// <summary>A signal a cell waits for and a test sets (cells see this type through the session's default assemblies).</summary>
public static class CellProbe
{
    private static readonly Dictionary<string, ManualResetEventSlim> Signals = new(StringComparer.Ordinal);

    public static ManualResetEventSlim Signal(string name)
    {
        lock (Signals)
        {
            if (!Signals.TryGetValue(name, out var signal))
            {
                Signals[name] = signal = new ManualResetEventSlim();
            }

            return signal;
        }
    }

    /// <summary>Waits (up to <paramref name="seconds"/>) for the test to set <paramref name="name"/>; true when it did.</summary>
    public static bool WaitFor(string name, int seconds) => Signal(name).Wait(TimeSpan.FromSeconds(seconds));
}
