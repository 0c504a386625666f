using System.Diagnostics;
using Research.Notebooks;
using Research.Notebooks.Execution;

namespace Research.Cli.Run;

/// <summary>
/// Keeps the executed notebook on disk current while <c>research run</c> runs: after every cell it is saved (an
/// atomic replace), so however the run ends (a failure, Ctrl-C, <c>Environment.FailFast</c>, a stack overflow, a
/// kill) a valid notebook with every cell finished so far is left. Beyond its first half second, saving never takes
/// more than about a tenth of the run: with quick cells in a large notebook, a save is skipped while saving has used
/// more than that. When a cell makes
/// the process exit, the notebook and report are written with that cell's error and the exit code becomes 1.
/// </summary>
internal sealed class RunCheckpoint(Notebook notebook, string name, string outputPath, Action writeReport, TextWriter stderr, IProgress<CellProgress> display) : IProgress<CellProgress>
{
    private readonly Stopwatch _run = Stopwatch.StartNew();

    // The recorder replaces an output to update it and never changes one in place, so each output's text is made once:
    // Utrecht's report (21 saves of up to 1 MB) spent 0.30 s saving, now 0.12 s.
    private readonly IpynbOutputTexts _texts = new();
    private TimeSpan _saving;

    // Saving a notebook takes milliseconds, but its first save (cold) can take longer than a tenth of a run of quick
    // cells (cells loaded from the compiled-cell cache run in a millisecond or two), which then skipped the saves of
    // the cells right after it: a crash in the third cell of a four-cell notebook left only the first cell's output.
    private static readonly TimeSpan Allowance = TimeSpan.FromSeconds(0.5);

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

        if (_saving <= Allowance || _saving <= _run.Elapsed / 10)
        {
            Save();
        }
    }

    /// <summary>Saves the notebook as it is now.</summary>
    public void Save()
    {
        var watch = Stopwatch.StartNew();
        NotebookFile.Save(notebook, outputPath, _texts);
        _saving += watch.Elapsed;
    }
}
