using System.Diagnostics;
using Research.Notebooks;
using Research.Notebooks.Execution;

namespace Research.Cli.Run;

/// <summary>
/// Keeps the executed notebook on disk current while <c>research run</c> runs: after every cell it is saved (an
/// atomic replace), so however the run ends (a failure, Ctrl-C, <c>Environment.FailFast</c>, a stack overflow, a
/// kill) a valid notebook with every cell finished so far is left. Saving never takes more than about a tenth of
/// the run: with quick cells in a large notebook a save is skipped while the last one is recent. When a cell makes
/// the process exit, the notebook and report are written with that cell's error and the exit code becomes 1.
/// </summary>
internal sealed class RunCheckpoint(Notebook notebook, string name, string outputPath, Action writeReport, TextWriter stderr, IProgress<CellProgress> display) : IProgress<CellProgress>
{
    // Below this a save is cheap enough to make after every cell, however quick the cells are.
    private static readonly TimeSpan AlwaysSave = TimeSpan.FromMilliseconds(20);
    private readonly Stopwatch _sinceSave = new();
    private TimeSpan _lastSave;

    /// <inheritdoc />
    public void Report(CellProgress value)
    {
        display.Report(value);
        if (!value.Finished)
        {
            return;
        }

        if (value.Failure is { Kind: CellFailureKind.ProcessExit } exit)
        {
            // Called on the exiting thread, after which nothing else runs: save, say why, and fail the process.
            Save();
            writeReport();
            stderr.WriteLine(FailureLine.Of(name, exit));
            stderr.Flush();
            Environment.ExitCode = ExitCodes.Failure;
            return;
        }

        if (!_sinceSave.IsRunning || _lastSave < AlwaysSave || _sinceSave.Elapsed >= _lastSave * 10)
        {
            Save();
        }
    }

    /// <summary>Saves the notebook as it is now.</summary>
    public void Save()
    {
        var watch = Stopwatch.StartNew();
        NotebookFile.Save(notebook, outputPath);
        _lastSave = watch.Elapsed;
        _sinceSave.Restart();
    }
}
