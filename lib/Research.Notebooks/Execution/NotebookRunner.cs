using System.Diagnostics;
using System.Globalization;
using Research.Notebooks.Formatting;
using Research.Notebooks.Kernels;

namespace Research.Notebooks.Execution;

/// <summary>
/// Executes a notebook's code cells in order, each in the kernel of its language, and stores the outputs and
/// execution counts in the notebook (nbclient conventions: earlier outputs are cleared, the run stops at the first
/// failing cell unless errors are allowed). Each cell runs under the per-cell timeout; a cell that times out or is
/// cancelled is abandoned and ends the run, because its kernel is still busy.
/// </summary>
public sealed class NotebookRunner
{
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(2);
    private readonly NotebookHostOptions _options;
    private readonly Func<NotebookHostOptions, string?, IEnumerable<IKernel>> _kernels;

    /// <summary>Creates a runner with the default kernels (C#, Markdown, HTML).</summary>
    public NotebookRunner(NotebookHostOptions options)
        : this(options, DefaultKernels)
    {
    }

    /// <summary>Creates a runner whose kernels come from <paramref name="kernels"/> (called once per run with the notebook directory).</summary>
    public NotebookRunner(NotebookHostOptions options, Func<NotebookHostOptions, string?, IEnumerable<IKernel>> kernels)
    {
        _options = options;
        _kernels = kernels;
    }

    /// <summary>The kernels of a default host: C# (started warming up at once), Markdown and HTML.</summary>
    public static IEnumerable<IKernel> DefaultKernels(NotebookHostOptions options, string? notebookDirectory) =>
        new IKernel[] { new CSharpKernel(options, notebookDirectory), new MarkdownKernel(), new HtmlKernel() };

    /// <summary>
    /// Runs <paramref name="notebook"/> in place. Relative paths in cells resolve against <paramref name="notebookDirectory"/>.
    /// The notebook is prepared as nbformat 4.5 (cell ids, kernel metadata) so it can be written as an executed notebook.
    /// </summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string? notebookDirectory, IProgress<CellProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ConsoleCapture.Install();
        var registry = new KernelRegistry();
        foreach (var kernel in _kernels(_options, notebookDirectory))
        {
            registry.Add(kernel);
        }

        PrepareForExecution(notebook);
        var selectors = KernelInfoCollection.WellKnown();
        selectors.Merge(notebook.KernelInfo);
        var formatContext = new FormatContext();
        var failures = new List<CellFailure>();
        var executionCount = 0;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Type != CellType.Code)
            {
                continue;
            }

            progress?.Report(new CellProgress(i + 1, notebook.Cells.Count, false, TimeSpan.Zero, null));
            var context = new CellExecutionContext(i + 1, ++executionCount, notebookDirectory, _options.Formatters, formatContext);
            var watch = Stopwatch.StartNew();
            await ExecuteCellAsync(cell, registry, selectors, context, cancellationToken);
            watch.Stop();
            cell.Outputs.AddRange(context.Seal());
            cell.ExecutionCount = context.ExecutionCount;
            progress?.Report(new CellProgress(i + 1, notebook.Cells.Count, true, watch.Elapsed, context.Failure));
            if (context.Failure is { } failure)
            {
                failures.Add(failure);
                if (!_options.AllowErrors || failure.Kind != CellFailureKind.Error)
                {
                    return new NotebookRunResult(failures, executionCount, Stopped: i < notebook.Cells.Count - 1 || failure.Kind != CellFailureKind.Error);
                }
            }
        }

        return new NotebookRunResult(failures, executionCount, Stopped: false);
    }

    // papermill resets every code cell before a run; ids and kernel metadata make the output valid nbformat 4.5.
    private static void PrepareForExecution(Notebook notebook)
    {
        var defaultKernel = notebook.DefaultKernelName;
        PolyglotMetadata.EnsureJupyterMetadata(notebook.Metadata, defaultKernel);
        CellIds.Ensure(notebook);
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            cell.KernelName ??= defaultKernel;
            PolyglotMetadata.SetCellKernelName(cell.Metadata, cell.KernelName);
        }
    }

    private async Task ExecuteCellAsync(NotebookCell cell, KernelRegistry registry, KernelInfoCollection selectors, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var (code, timed) = CellMagics.Strip(cell.Source, selectors);
        var kernelName = cell.KernelName!;
        var kernel = registry.Find(kernelName);
        if (kernel is null)
        {
            var available = string.Join(", ", registry.Kernels.Select(k => k.Name));
            context.Fail(new ErrorOutput("KernelNotAvailable", $"kernel '{kernelName}' is not available in this host (available: {available}).", Array.Empty<string>()), null);
            return;
        }

        try
        {
            await kernel.ReadyAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReportCancelled(context);
            return;
        }
        catch (Exception e)
        {
            // E.g. a default assembly the script engine cannot reference: every cell of this kernel says why.
            context.Fail(new ErrorOutput("KernelStartFailed", $"kernel '{kernel.Name}' could not start: {e.Message}", e.ToString().Split('\n')), null);
            return;
        }

        using var cellCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = Stopwatch.StartNew();

        // A dedicated thread, so a cell that never yields (a busy loop) cannot stop the timeout from firing.
        var work = Task.Factory.StartNew(
            async () =>
            {
                context.Enter();
                await kernel.ExecuteAsync(code, context, cellCancellation.Token);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
        var deadline = Task.Delay(_options.CellTimeout, cancellationToken);
        if (await Task.WhenAny(work, deadline) != work)
        {
            await cellCancellation.CancelAsync();
            if (cancellationToken.IsCancellationRequested)
            {
                // After Ctrl-C there is no time to wait: the command line gives the process two seconds to write what it has.
                ReportCancelled(context);
                return;
            }

            // A timed-out cell that honours its token ends cleanly within the grace period; one that does not is abandoned.
            await Task.WhenAny(work, Task.Delay(CancellationGrace, CancellationToken.None));
            var message = string.Create(CultureInfo.InvariantCulture, $"the cell did not finish within the timeout of {_options.CellTimeout.TotalSeconds:0.###} s and was stopped.");
            context.Fail(new ErrorOutput(nameof(TimeoutException), message, Array.Empty<string>()), null, CellFailureKind.Timeout);
            return;
        }

        try
        {
            await work;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReportCancelled(context);
            return;
        }
        catch (Exception e)
        {
            // A kernel bug, not user code: still reported on the cell rather than crashing the host.
            context.Fail(new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, e.ToString().Split('\n')), null);
            return;
        }

        if (timed && context.Failure is null)
        {
            context.Display(string.Create(CultureInfo.InvariantCulture, $"Wall time: {watch.Elapsed.TotalMilliseconds:0.###}ms"));
        }
    }

    private static void ReportCancelled(CellExecutionContext context) =>
        context.Fail(new ErrorOutput(nameof(OperationCanceledException), "the run was cancelled while this cell was running.", Array.Empty<string>()), null, CellFailureKind.Cancelled);
}
