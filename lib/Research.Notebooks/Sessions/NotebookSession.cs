using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Research.Notebooks.Execution;
using Research.Notebooks.Formatting;
using Research.Notebooks.Kernels;

namespace Research.Notebooks.Sessions;

/// <summary>
/// A live notebook engine: the kernels and their state, the formatters and the format context, the execution count
/// and the history. It executes one cell at a time and reports what the cell produces, as it happens, to the
/// observer of that execution. The headless runner (<see cref="NotebookRunner"/>) and a Jupyter kernel are both thin
/// loops over a session, so a cell behaves the same in both.
/// </summary>
/// <remarks>
/// <para>
/// Threading: <see cref="ExecuteAsync(CellRequest, ICellObserver, CancellationToken)"/> runs one cell at a time
/// (a second call while a cell runs throws). Each cell runs on a dedicated thread, so a cell that never yields
/// cannot block the host, the timeout or an interrupt. <see cref="Interrupt"/> may be called from any thread.
/// </para>
/// <para>
/// Stopping a cell (interrupt, timeout, cancellation): its cancellation token is cancelled, the cooperative checks
/// the C# kernel inserts into loops and methods throw, and user code blocked in a wait is woken with
/// <see cref="Thread.Interrupt"/>. A cell that still has not stopped after <see cref="InterruptGrace"/> is left
/// running and reported as abandoned; the session stays usable with the state from before that cell.
/// </para>
/// </remarks>
public sealed class NotebookSession : IDisposable
{
    /// <summary>How long buffered stream text may wait before it is delivered.</summary>
    public static readonly TimeSpan StreamFlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stopped cell has to end before it is abandoned.</summary>
    public static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan InterruptRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromMilliseconds(250);
    private readonly object _gate = new();
    private readonly List<HistoryEntry> _history = new();
    private readonly Timer _flushTimer;
    private volatile CellExecutionContext? _running;
    private bool _busy;
    private bool _disposed;

    /// <summary>Creates a session with the default kernels (C#, started warming up at once, Markdown and HTML).</summary>
    /// <param name="options">What cells see and the limits they run under.</param>
    /// <param name="workingDirectory">The notebook's directory: the base of relative paths in <c>#r</c> and file names; null for the current directory.</param>
    public NotebookSession(NotebookHostOptions options, string? workingDirectory = null)
        : this(options, workingDirectory, DefaultKernels(options, workingDirectory))
    {
    }

    /// <summary>Creates a session with the given kernels.</summary>
    public NotebookSession(NotebookHostOptions options, string? workingDirectory, IEnumerable<IKernel> kernels)
    {
        Options = options;
        WorkingDirectory = workingDirectory;
        foreach (var kernel in kernels)
        {
            Kernels.Add(kernel);
        }

        ConsoleCapture.Install();
        _flushTimer = new Timer(_ => _running?.FlushStreams());
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// Raised on the exiting thread when the process begins to exit while a cell runs (<c>Environment.Exit</c> reached
    /// in a way the C# kernel could not refuse at compile time). The cell has already been failed with
    /// <see cref="CellFailureKind.ProcessExit"/> and its error delivered; a host saves what it has here, because
    /// <see cref="ExecuteAsync(CellRequest, ICellObserver, CancellationToken)"/> will never return.
    /// </summary>
    public event EventHandler<CellExecutionResult>? ProcessExiting;

    /// <summary>The host options the session runs with.</summary>
    public NotebookHostOptions Options { get; }

    /// <summary>The notebook's directory, or null.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>The session's kernels.</summary>
    public KernelRegistry Kernels { get; } = new();

    /// <summary>
    /// The names and aliases a leading <c>#!name</c> line may select (the .NET Interactive set); merge a notebook's
    /// declared kernels into it.
    /// </summary>
    public KernelInfoCollection Selectors { get; } = KernelInfoCollection.WellKnown();

    /// <summary>The kernel of a cell that names none, neither in its request nor with a leading <c>#!name</c> line.</summary>
    public string DefaultKernelName { get; set; } = "csharp";

    /// <summary>The formatters that turn values into outputs.</summary>
    public FormatterRegistry Formatters => Options.Formatters;

    /// <summary>The formatting state shared by all cells (deterministic element ids).</summary>
    public FormatContext FormatContext { get; } = new();

    /// <summary>The execution count of the last counted execution (0 before the first).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The executions recorded in the history, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History
    {
        get
        {
            lock (_gate)
            {
                return _history.ToList();
            }
        }
    }

    /// <summary>Whether a cell is executing.</summary>
    public bool IsBusy
    {
        get
        {
            lock (_gate)
            {
                return _busy;
            }
        }
    }

    /// <summary>The kernels of a default session: C# (warming up at once), Markdown and HTML.</summary>
    public static IEnumerable<IKernel> DefaultKernels(NotebookHostOptions options, string? notebookDirectory) =>
        new IKernel[] { new CSharpKernel(options, notebookDirectory), new MarkdownKernel(), new HtmlKernel() };

    /// <summary>Executes <paramref name="code"/> in <paramref name="kernelName"/> (or the kernel it selects); see <see cref="ExecuteAsync(CellRequest, ICellObserver, CancellationToken)"/>.</summary>
    public Task<CellExecutionResult> ExecuteAsync(string code, string? kernelName, ICellObserver observer, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new CellRequest(code) { KernelName = kernelName }, observer, cancellationToken);

    /// <summary>
    /// Executes one cell, reporting its streams, displays, display updates, result, clear-output requests and error to
    /// <paramref name="observer"/> while it runs. The cell runs under <see cref="NotebookHostOptions.CellTimeout"/>;
    /// cancelling <paramref name="cancellationToken"/> stops it at once (<see cref="CellFailureKind.Cancelled"/>) and
    /// does not wait for it. Failures of the cell are in the result, not thrown.
    /// </summary>
    /// <exception cref="InvalidOperationException">A cell is already running, or the session was disposed.</exception>
    public async Task<CellExecutionResult> ExecuteAsync(CellRequest request, ICellObserver observer, CancellationToken cancellationToken = default)
    {
        var (code, timed, selected) = CellMagics.Strip(request.Code, Selectors);
        var kernelName = request.KernelName ?? selected ?? DefaultKernelName;
        kernelName = Selectors.TryResolve(kernelName, out var canonical) ? canonical : kernelName;
        var interrupt = new CancellationTokenSource();
        var context = Begin(request, kernelName, observer, interrupt);
        var abandoned = false;
        try
        {
            abandoned = await RunAsync(context, interrupt, code, timed, cancellationToken);
        }
        finally
        {
            if (!abandoned)
            {
                interrupt.Dispose();
            }

            context.Seal();
            lock (_gate)
            {
                _flushTimer.Change(Timeout.Infinite, Timeout.Infinite);
                _running = null;
                _busy = false;
            }
        }

        if (context.ObserverError is { } observerError)
        {
            ExceptionDispatchInfo.Capture(observerError).Throw();
        }

        return new CellExecutionResult(context.ExecutionCount, kernelName, context.Failure, context.Started, DateTimeOffset.UtcNow, abandoned);
    }

    /// <summary>Interrupts the running cell (Jupyter's <c>interrupt_request</c>); returns false when no cell is running.</summary>
    public bool Interrupt()
    {
        var running = _running;
        running?.RequestInterrupt(CellFailureKind.Interrupted);
        return running is not null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _running?.RequestInterrupt(CellFailureKind.Cancelled);
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _flushTimer.Dispose();
    }

    /// <summary>Delivers an update of a display to the cell running now; dropped while none runs.</summary>
    internal void UpdateDisplay(string displayId, object? value, string[] mimeTypes) =>
        _running?.UpdateDisplay(displayId, value, mimeTypes);

    private CellExecutionContext Begin(CellRequest request, string kernelName, ICellObserver observer, CancellationTokenSource interrupt)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_busy)
            {
                throw new InvalidOperationException("a cell is already running in this session; cells execute one at a time.");
            }

            var counted = request is { Silent: false, StoreHistory: true };
            if (counted)
            {
                ExecutionCount++;
                _history.Add(new HistoryEntry(ExecutionCount, request.Code, kernelName));
            }

            var context = new CellExecutionContext(this, kernelName, request.CellNumber ?? ExecutionCount, ExecutionCount, request.Silent, observer, request.Input ?? Options.Input, interrupt);
            _running = context;
            _busy = true;
            _flushTimer.Change(StreamFlushInterval, StreamFlushInterval);
            return context;
        }
    }

    // Returns whether the cell had to be abandoned.
    private async Task<bool> RunAsync(CellExecutionContext context, CancellationTokenSource interrupt, string code, bool timed, CancellationToken cancellationToken)
    {
        context.Started = DateTimeOffset.UtcNow;
        if (Kernels.Find(context.KernelName) is not { } kernel)
        {
            var available = string.Join(", ", Kernels.Kernels.Select(k => k.Name));
            context.Fail(new ErrorOutput("KernelNotAvailable", $"kernel '{context.KernelName}' is not available in this host (available: {available}).", Array.Empty<string>()), null);
            return false;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        using var cancelled = cancellationToken.Register(() => context.RequestInterrupt(CellFailureKind.Cancelled));
        try
        {
            // Engine start-up on a loaded machine is not the cell's time: the clock starts when the kernel is ready.
            await kernel.ReadyAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            context.ReportInterrupted(null);
            return false;
        }
        catch (Exception e)
        {
            // E.g. a default assembly the script engine cannot reference: every cell of this kernel says why.
            context.Fail(new ErrorOutput("KernelStartFailed", $"kernel '{kernel.Name}' could not start: {e.Message}", e.ToString().Split('\n')), null);
            return false;
        }

        context.Started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();

        // A dedicated thread, so a cell that never yields cannot stop the timeout or an interrupt from being handled.
        var work = Task.Factory.StartNew(
            () =>
            {
                context.Enter();
                return kernel.ExecuteAsync(code, context, context.CancellationToken);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
        var deadline = Task.Delay(Options.CellTimeout, stop.Token);
        var abandoned = false;
        if (await Task.WhenAny(work, deadline) != work)
        {
            context.RequestInterrupt(CellFailureKind.Timeout);
            abandoned = !await StoppedAsync(work, context);
        }

        if (abandoned)
        {
            // The cell's code keeps its interrupt armed until it really ends, so its checks keep throwing.
            _ = work.ContinueWith(
                _ =>
                {
                    context.ReleaseInterrupt();
                    interrupt.Dispose();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            context.ReportInterrupted(null, abandoned: true);
            return true;
        }

        context.ReleaseInterrupt();
        try
        {
            await work;
        }
        catch (Exception e) when (context.InterruptKind is null)
        {
            // A kernel bug, not user code: still reported on the cell rather than crashing the host.
            context.Fail(new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, e.ToString().Split('\n')), null);
        }
        catch (Exception) when (context.InterruptKind is not null)
        {
            // The kernel let the stop surface as an exception; reported below.
        }

        context.ReportInterrupted(null);
        if (timed && context.Failure is null)
        {
            context.Display(string.Create(CultureInfo.InvariantCulture, $"Wall time: {watch.Elapsed.TotalMilliseconds:0.###}ms"));
        }

        return false;
    }

    // Waits up to the grace period for a stopped cell to end, waking blocked user code again while it waits. After
    // Ctrl-C the wait is short: the command line has two seconds to write what it has.
    private static async Task<bool> StoppedAsync(Task work, CellExecutionContext context)
    {
        var grace = context.InterruptKind == CellFailureKind.Cancelled ? CancellationGrace : InterruptGrace;
        var watch = Stopwatch.StartNew();
        while (!work.IsCompleted && watch.Elapsed < grace)
        {
            await Task.WhenAny(work, Task.Delay(InterruptRetry, CancellationToken.None));
            context.InterruptBlockedThreads();
        }

        return work.IsCompleted;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_running is not { } context)
        {
            return;
        }

        // The handler runs on a shutdown thread, so it cannot tell who asked; the exit code Environment.Exit was given is known.
        var message = string.Create(CultureInfo.InvariantCulture,
            $"the process began to exit (exit code {Environment.ExitCode}) while this cell was running: the cell called Environment.Exit, or the process was terminated. A cell must not end its host; throw an exception to stop the notebook.");
        context.Fail(new ErrorOutput("ProcessExit", message, Array.Empty<string>()), null, CellFailureKind.ProcessExit);
        context.Seal();
        ProcessExiting?.Invoke(this, new CellExecutionResult(context.ExecutionCount, context.KernelName, context.Failure, context.Started, DateTimeOffset.UtcNow, Abandoned: false));
    }
}
