using Research.Notebooks.Sessions;

namespace Research.Notebooks.Execution;

/// <summary>
/// Executes a notebook's code cells in order in one <see cref="NotebookSession"/>, each in the kernel of its
/// language, and records the outputs, execution counts and (unless turned off) timing in the notebook, as nbclient
/// and papermill do: earlier outputs are cleared, and the run stops at the first failing cell unless errors are
/// allowed. A cell that times out or is cancelled always ends the run.
/// </summary>
public sealed class NotebookRunner
{
    private readonly NotebookHostOptions _options;
    private readonly Func<NotebookHostOptions, string?, IEnumerable<IKernel>> _kernels;

    /// <summary>Creates a runner with the default kernels (C#, Markdown, HTML).</summary>
    public NotebookRunner(NotebookHostOptions options)
        : this(options, NotebookSession.DefaultKernels)
    {
    }

    /// <summary>Creates a runner whose kernels come from <paramref name="kernels"/> (called once per run with the notebook directory).</summary>
    public NotebookRunner(NotebookHostOptions options, Func<NotebookHostOptions, string?, IEnumerable<IKernel>> kernels)
    {
        _options = options;
        _kernels = kernels;
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> in place. Relative paths in cells resolve against <paramref name="notebookDirectory"/>.
    /// The notebook is prepared as nbformat 4.5 (cell ids, kernel metadata) so it can be written as an executed notebook.
    /// <paramref name="progress"/> hears of every cell's start and end synchronously, with the notebook up to date at
    /// each end, so a host can save it there; that includes a cell during which the process exits
    /// (<see cref="CellFailureKind.ProcessExit"/>), after which this method never returns.
    /// </summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string? notebookDirectory, IProgress<CellProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var session = new NotebookSession(_options, notebookDirectory, _kernels(_options, notebookDirectory));
        session.Selectors.Merge(notebook.KernelInfo);
        session.DefaultKernelName = notebook.DefaultKernelName;
        PrepareForExecution(notebook);
        var started = DateTimeOffset.UtcNow;
        if (_options.RecordTiming)
        {
            ExecutionTiming.Start(notebook, started);
        }

        var recorder = new NotebookOutputRecorder();
        var failures = new List<CellFailure>();
        var executed = 0;
        var current = -1;
        void Finish(int index, CellExecutionResult result)
        {
            var cell = notebook.Cells[index];
            recorder.End();
            cell.ExecutionCount = result.ExecutionCount;
            if (_options.RecordTiming)
            {
                ExecutionTiming.Record(cell, result);
            }

            if (result.Failure is { } failure)
            {
                failures.Add(failure);
            }
        }

        void Complete()
        {
            if (_options.RecordTiming)
            {
                ExecutionTiming.Finish(notebook, started, DateTimeOffset.UtcNow);
            }
        }

        session.ProcessExiting += (_, result) =>
        {
            Finish(current, result);
            Complete();
            progress?.Report(new CellProgress(current + 1, notebook.Cells.Count, true, result.Duration, result.Failure));
        };
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Type != CellType.Code)
            {
                continue;
            }

            progress?.Report(new CellProgress(i + 1, notebook.Cells.Count, false, TimeSpan.Zero, null));
            current = i;
            recorder.Begin(cell);
            var request = new CellRequest(cell.Source) { KernelName = cell.KernelName, CellNumber = i + 1 };
            var result = await session.ExecuteAsync(request, recorder, cancellationToken);
            executed++;
            Finish(i, result);
            progress?.Report(new CellProgress(i + 1, notebook.Cells.Count, true, result.Duration, result.Failure));
            if (result.Failure is { } failure && (!_options.AllowErrors || failure.Kind != CellFailureKind.Error))
            {
                Complete();
                return new NotebookRunResult(failures, executed, Stopped: i < notebook.Cells.Count - 1 || failure.Kind != CellFailureKind.Error);
            }
        }

        Complete();
        return new NotebookRunResult(failures, executed, Stopped: false);
    }

    // papermill resets every code cell before a run; ids and kernel metadata make the output valid nbformat 4.5.
    private static void PrepareForExecution(Notebook notebook)
    {
        var defaultKernel = notebook.DefaultKernelName;
        PolyglotMetadata.EnsureJupyterMetadata(notebook.Metadata, defaultKernel);
        CellIds.Ensure(notebook);
        ExecutionTiming.Reset(notebook);
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            cell.KernelName ??= defaultKernel;
            PolyglotMetadata.SetCellKernelName(cell.Metadata, cell.KernelName);
        }
    }
}
