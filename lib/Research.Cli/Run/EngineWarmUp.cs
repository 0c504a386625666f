using Research.Notebooks.Execution;
using Research.Notebooks.Sessions;

namespace Research.Cli.Run;

/// <summary>
/// Gets a worker's notebook engine ready before its first notebook arrives: one throwaway session with the options of
/// <c>research run</c> runs one trivial C# cell, which loads the default references and runs and formats a cell, so
/// the code doing that is compiled (and the script compiler too, the first time, when nothing is in the compiled-cell
/// cache). The pipeline starts its workers this way while it validates the extracts, so a worker's first report no
/// longer waits for it. The session's state is not kept: a notebook's outputs must not depend on what ran before it
/// in the process (its compiled cells, loaded from the cache or not, are numbered by their place in its own chain).
/// </summary>
internal static class EngineWarmUp
{
    /// <summary>Warms the engine up for notebooks run in <paramref name="workingDirectory"/>; failures are ignored (the real run reports them).</summary>
    public static async Task RunAsync(string workingDirectory)
    {
        try
        {
            var options = new NotebookHostOptions { RecordTiming = false, WarmUpCompiler = false };
            ProjectLibraries.AddTo(options);
            NotebookCompatibility.AddTo(options);
            using var session = new NotebookSession(options, workingDirectory);
            await session.ExecuteAsync(new CellRequest("0"), new Discard());
        }
#pragma warning disable CA1031 // A warm-up that fails changes nothing: the notebook run that follows starts the engine itself and reports any error.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class Discard : ICellObserver
    {
        public void OnEvent(CellEvent cellEvent)
        {
        }
    }
}
