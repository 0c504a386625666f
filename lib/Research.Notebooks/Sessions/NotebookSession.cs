using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Research.Notebooks.Execution;
using Research.Notebooks.Formatting;
using Research.Notebooks.Kernels;
using Research.Notebooks.Magics;

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
    private string? _cellDirectory;

    /// <summary>Creates a session with the default kernels (see <see cref="DefaultKernels"/>).</summary>
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
        _cellDirectory = workingDirectory is null ? null : Path.GetFullPath(workingDirectory);
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

    /// <summary>
    /// The kernels of a default session: C# (warming up at once), Markdown, HTML, JavaScript, Mermaid and the value
    /// store, then one from each of <see cref="NotebookHostOptions.KernelFactories"/> (e.g. F#).
    /// </summary>
    public static IEnumerable<IKernel> DefaultKernels(NotebookHostOptions options, string? notebookDirectory) =>
        new IKernel[] { new CSharpKernel(options, notebookDirectory), new MarkdownKernel(), new HtmlKernel(), new JavaScriptKernel(), new MermaidKernel(), new ValueKernel() }
            .Concat(options.KernelFactories.Select(create => create(options, notebookDirectory)));

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
        var (segments, timed) = CellSegments.Split(request.Code, Selectors, Canonical(request.KernelName ?? DefaultKernelName));
        var kernelName = segments[0].KernelName;
        var interrupt = new CancellationTokenSource();
        var context = Begin(request, kernelName, observer, interrupt);
        var abandoned = false;
        try
        {
            abandoned = await RunAsync(context, interrupt, segments, timed, cancellationToken);
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

    private string Canonical(string name) => Selectors.TryResolve(name, out var canonical) ? canonical : name;

    // Returns whether the cell had to be abandoned.
    private async Task<bool> RunAsync(CellExecutionContext context, CancellationTokenSource interrupt, IReadOnlyList<CellSegment> segments, bool timed, CancellationToken cancellationToken)
    {
        context.Started = DateTimeOffset.UtcNow;
        var kernels = new List<IKernel>();
        foreach (var name in segments.Select(s => s.KernelName).Distinct(StringComparer.Ordinal))
        {
            if (Kernels.Find(name) is not { } found)
            {
                var available = string.Join(", ", Kernels.Kernels.Select(k => k.Name));
                context.Fail(new ErrorOutput("KernelNotAvailable", $"kernel '{name}' is not available in this host (available: {available}).", Array.Empty<string>()), null);
                return false;
            }

            kernels.Add(found);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        using var cancelled = cancellationToken.Register(() => context.RequestInterrupt(CellFailureKind.Cancelled));
        IKernel? starting = null;
        try
        {
            // Engine start-up on a loaded machine is not the cell's time: the clock starts when the kernels are ready.
            foreach (var kernel in kernels)
            {
                starting = kernel;
                await kernel.ReadyAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            context.ReportInterrupted(null);
            return false;
        }
        catch (Exception e)
        {
            // E.g. a default assembly the script engine cannot reference: every cell of this kernel says why.
            context.Fail(new ErrorOutput("KernelStartFailed", $"kernel '{starting!.Name}' could not start: {e.Message}", e.ToString().Split('\n')), null);
            return false;
        }

        EnterWorkingDirectory();
        context.Started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();

        // A dedicated thread, so a cell that never yields cannot stop the timeout or an interrupt from being handled.
        var work = Task.Factory.StartNew(
            () =>
            {
                context.Enter();
                return RunSegmentsAsync(segments, context, new HashSet<string>(StringComparer.Ordinal));
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

        LeaveWorkingDirectory();
        context.ReportInterrupted(null);
        if (timed && context.Failure is null)
        {
            context.Display(string.Create(CultureInfo.InvariantCulture, $"Wall time: {watch.Elapsed.TotalMilliseconds:0.###}ms"));
        }

        return false;
    }

    // Runs the segments of a cell one after the other, each with its magic commands first; stops at the first failure.
    private async Task RunSegmentsAsync(IReadOnlyList<CellSegment> segments, CellExecutionContext context, IReadOnlySet<string> imports)
    {
        foreach (var segment in segments)
        {
            var kernel = Kernels.Find(segment.KernelName)!;
            var code = segment.Code;
            if (kernel is Values.IVariableStore && kernel is not ValueKernel)
            {
                try
                {
                    var magics = new MagicContext(this, context, kernel, (more, kernelName, nested) => RunCodeAsync(more, kernelName, context, nested), imports);
                    code = await SessionMagics.RunAsync(code, magics);
                }
                catch (MagicCommandException e)
                {
                    context.Fail(new ErrorOutput("MagicCommandError", e.Message, Array.Empty<string>()), e.Line);
                }
            }

            if (context.Failure is not null || context.InterruptKind is not null)
            {
                return;
            }

            await kernel.ExecuteAsync(code, context, context.CancellationToken);
            if (context.Failure is not null)
            {
                return;
            }
        }
    }

    // More code run inside the running cell (#!import): split, started and run like a cell of its own.
    private async Task RunCodeAsync(string code, string kernelName, CellExecutionContext context, IReadOnlySet<string> imports)
    {
        var (segments, _) = CellSegments.Split(code, Selectors, Canonical(kernelName));
        foreach (var name in segments.Select(s => s.KernelName).Distinct(StringComparer.Ordinal))
        {
            if (Kernels.Find(name) is not { } kernel)
            {
                context.Fail(new ErrorOutput("KernelNotAvailable", $"kernel '{name}' is not available in this host.", Array.Empty<string>()), null);
                return;
            }

            await kernel.ReadyAsync(context.CancellationToken);
        }

        await RunSegmentsAsync(segments, context, imports);
    }

    // The working directory is process-wide. Each session keeps its own (the notebook's folder, then wherever its cells
    // moved it) and makes it current while its cells run, so relative paths in cells resolve against the notebook and a
    // cell's Directory.SetCurrentDirectory carries to the next cell, as in Jupyter. Sessions running cells at the same
    // moment in one process would share one directory: hosts run one notebook per process (research run, the kernel).
    private void EnterWorkingDirectory()
    {
        if (Options.SetWorkingDirectory && _cellDirectory is { } directory && Directory.Exists(directory)
            && !string.Equals(Directory.GetCurrentDirectory(), directory, StringComparison.Ordinal))
        {
            Directory.SetCurrentDirectory(directory);
        }
    }

    private void LeaveWorkingDirectory()
    {
        if (Options.SetWorkingDirectory && _cellDirectory is not null)
        {
            _cellDirectory = Directory.GetCurrentDirectory();
        }
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
