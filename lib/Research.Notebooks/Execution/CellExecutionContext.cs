using System.Globalization;
using System.Text.Json.Nodes;
using Research.Notebooks.Formatting;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Execution;

/// <summary>
/// One execution of one cell, as its kernel sees it: where outputs go (live, to the observer of the execution,
/// within the output cap), the cell's cancellation, its input, and its failure. The context of the cell running on
/// the current async flow is <see cref="Current"/>, which is how <c>display(x)</c>, <c>x.Display()</c>, the
/// captured <see cref="Console"/> streams and <see cref="CellInterrupt.Check"/> find their cell.
/// </summary>
/// <remarks>
/// Every member may be called from any thread: events reach the observer one at a time and in order. Stream text is
/// buffered and delivered by the session's flush timer, when the buffer fills, or before any other event. After the
/// cell ended (<see cref="IsSealed"/>), for instance from a thread the cell left running, everything is dropped.
/// </remarks>
public sealed class CellExecutionContext
{
    private static readonly AsyncLocal<CellExecutionContext?> CurrentContext = new();
    private readonly object _gate = new();
    private readonly NotebookSession _session;
    private readonly ICellObserver _observer;
    private readonly IInputProvider _input;
    private readonly bool _silent;
    private readonly StreamBuffer _streams = new();
    private readonly OutputBudget _budget;
    private readonly CellInterruption _interruption;
    private readonly CellInput _consoleInput;

    // The session owns the interrupt source and disposes of it once the cell's code has really ended.
    internal CellExecutionContext(NotebookSession session, string kernelName, int cellNumber, int executionCount, bool silent, ICellObserver observer, IInputProvider input, CancellationTokenSource interrupt)
    {
        _session = session;
        _interruption = new CellInterruption(interrupt, _gate);
        _consoleInput = new CellInput(() => GetInputAsync(string.Empty).GetAwaiter().GetResult());
        _observer = observer;
        _input = input;
        _silent = silent;
        _budget = new OutputBudget(session.Options.MaxOutputBytes);
        KernelName = kernelName;
        CellNumber = cellNumber;
        ExecutionCount = executionCount;
    }

    /// <summary>The context of the cell running on this async flow, or null outside cell execution.</summary>
    public static CellExecutionContext? Current => CurrentContext.Value;

    /// <summary>The number naming the cell in failures and file names (its position in a notebook, or its execution count).</summary>
    public int CellNumber { get; }

    /// <summary>The execution count given to the cell's result.</summary>
    public int ExecutionCount { get; }

    /// <summary>The canonical name of the kernel running the cell.</summary>
    public string KernelName { get; }

    /// <summary>The session running the cell (its kernels, formatters and variables).</summary>
    public NotebookSession Session => _session;

    /// <summary>The directory of the notebook file (base for relative paths), or null for an in-memory notebook.</summary>
    public string? NotebookDirectory => _session.WorkingDirectory;

    /// <summary>The formatters that turn values into outputs.</summary>
    public FormatterRegistry Formatters => _session.Formatters;

    /// <summary>The shared formatting state of the session.</summary>
    public FormatContext FormatContext => _session.FormatContext;

    /// <summary>Cancelled when the cell is interrupted, times out or the run is cancelled; kernels pass it to their work.</summary>
    public CancellationToken CancellationToken => _interruption.Token;

    /// <summary>Why the cell is being stopped (timeout, interrupt, cancellation), or null while it may run.</summary>
    public CellFailureKind? InterruptKind => _interruption.Kind;

    /// <summary>The failure reported for the cell, or null.</summary>
    public CellFailure? Failure { get; private set; }

    /// <summary>Whether the cell has ended; outputs are dropped from then on.</summary>
    public bool IsSealed { get; private set; }

    /// <summary>When the kernel was ready and the cell started (UTC).</summary>
    internal DateTimeOffset Started { get; set; }

    /// <summary>An exception the observer threw, rethrown to the host when the execution ends.</summary>
    internal Exception? ObserverError { get; private set; }

    /// <summary>Appends text to a stream; consecutive writes to the same stream are delivered together.</summary>
    public void WriteStream(string name, string text) => WriteStream(name, text.AsSpan());

    /// <summary>Appends text to a stream (the form the console writers use, without a string per write).</summary>
    public void WriteStream(string name, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (IsSealed)
            {
                return;
            }

            if (_streams.HoldsOther(name))
            {
                FlushLocked();
            }

            _streams.Append(name, text);
            if (_streams.IsFull)
            {
                FlushLocked();
            }
        }
    }

    /// <summary>Delivers buffered stream text now.</summary>
    public void FlushStreams()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>
    /// Shows <paramref name="value"/> as a <c>display_data</c> output that can be updated later; with
    /// <paramref name="mimeTypes"/>, only those representations (plus <c>text/plain</c>) are kept.
    /// </summary>
    public DisplayHandle Display(object? value, params string[] mimeTypes)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), _session);
        PublishDisplay(Bundle(value, mimeTypes), null, handle.DisplayId);
        return handle;
    }

    /// <summary>Publishes a formatted <c>display_data</c> output, updatable through <paramref name="displayId"/> when one is given.</summary>
    public void PublishDisplay(MimeBundle data, JsonObject? metadata = null, string? displayId = null) =>
        Emit(new DisplayDataEvent(data, metadata ?? new JsonObject(), displayId), OutputBudget.SizeOf(data));

    /// <summary>Replaces every output shown with <paramref name="displayId"/> by <paramref name="value"/> (<c>update_display_data</c>).</summary>
    public void UpdateDisplay(string displayId, object? value, params string[] mimeTypes)
    {
        var data = Bundle(value, mimeTypes);
        lock (_gate)
        {
            if (IsSealed)
            {
                return;
            }

            FlushLocked();

            // An update replaces what is shown, so it does not add to the cell's output; only its own size is capped.
            Deliver(OutputBudget.SizeOf(data) <= _budget.Limit
                ? new UpdateDisplayDataEvent(data, new JsonObject(), displayId)
                : new UpdateDisplayDataEvent(TruncationNote(), new JsonObject(), displayId));
        }
    }

    /// <summary>Publishes <paramref name="value"/> as the cell's <c>execute_result</c> (not for a silent execution).</summary>
    public void PublishResult(object? value)
    {
        if (_silent)
        {
            return;
        }

        var data = Bundle(value, Array.Empty<string>());
        Emit(new ExecuteResultEvent(data, new JsonObject(), ExecutionCount), OutputBudget.SizeOf(data));
    }

    /// <summary>Clears the cell's outputs now, or with <paramref name="wait"/> when the next output arrives (<c>clear_output</c>).</summary>
    public void ClearOutput(bool wait)
    {
        lock (_gate)
        {
            if (IsSealed)
            {
                return;
            }

            FlushLocked();
            _budget.Reset();
            Deliver(new ClearOutputEvent(wait));
        }
    }

    /// <summary>Records the cell's failure and publishes its <c>error</c> output; the first failure wins.</summary>
    public void Fail(ErrorOutput error, int? line, CellFailureKind kind = CellFailureKind.Error)
    {
        lock (_gate)
        {
            if (IsSealed || Failure is not null)
            {
                return;
            }

            FlushLocked();
            Failure = new CellFailure(CellNumber, line, error.Value, kind);

            // Errors are never dropped, only clipped: the reason a cell failed must stay visible.
            var value = OutputBudget.Prefix(error.Value, _budget.Limit);
            Deliver(new ErrorEvent(error.Name, value, Clip(error.Traceback, _budget.Limit), line, kind));
        }
    }

    /// <summary>
    /// Reports that the cell stopped because of <see cref="InterruptKind"/> (at <paramref name="line"/> when known),
    /// unless a failure was reported already or nothing asked it to stop.
    /// </summary>
    public void ReportInterrupted(int? line) => ReportInterrupted(line, abandoned: false);

    /// <summary>Asks the host for input: <c>input_request</c> in a kernel, an error naming the prompt in a headless run.</summary>
    /// <exception cref="InputNotAvailableException">The host has no input to give.</exception>
    public Task<string> GetInputAsync(string prompt, bool isPassword = false, CancellationToken cancellationToken = default) =>
        GetInputAsync(new InputRequest(prompt, isPassword), cancellationToken);

    /// <summary>Asks the host for the input <paramref name="request"/> describes (with the name of the value asked for, when known).</summary>
    /// <exception cref="InputNotAvailableException">The host has no input to give.</exception>
    public async Task<string> GetInputAsync(InputRequest request, CancellationToken cancellationToken = default)
    {
        // The prompt a cell wrote before Console.ReadLine() must be on screen before the question is asked.
        FlushStreams();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _interruption.Token);
        return await _input.GetInputAsync(request, linked.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the calling thread as running the cell's own code until the scope is disposed, so an interrupt can wake
    /// it from a blocking wait (<c>Thread.Sleep</c>, <c>Monitor.Wait</c>, <c>WaitHandle.WaitOne</c>) with
    /// <see cref="Thread.Interrupt"/>. Kernels wrap the synchronous part of running user code in it, and nothing
    /// else: a thread is only interrupted while it is blocked inside the scope.
    /// </summary>
    public IDisposable EnterUserCode() => _interruption.EnterUserCode();

    /// <summary>Makes this the <see cref="Current"/> context of the calling async flow.</summary>
    internal void Enter() => CurrentContext.Value = this;

    /// <summary>Reads a line for <c>Console.ReadLine()</c>.</summary>
    internal string ReadLine() => _consoleInput.ReadLine();

    /// <summary>Reads (or peeks at) one character for <c>Console.Read()</c>.</summary>
    internal int ReadChar(bool peek) => _consoleInput.Read(peek);

    /// <summary>Throws <see cref="OperationCanceledException"/> when the cell has been asked to stop.</summary>
    internal void ThrowIfInterrupted() => _interruption.ThrowIfRequested();

    /// <summary>Asks the cell to stop: cancels its token, arms the interrupt checks, wakes blocked user code. The first reason wins.</summary>
    internal void RequestInterrupt(CellFailureKind kind)
    {
        lock (_gate)
        {
            if (IsSealed || !_interruption.Request(kind))
            {
                return;
            }
        }

        _interruption.Cancel();
    }

    /// <summary>Wakes user code that is blocked now (called again while the host waits for the cell to stop).</summary>
    internal void InterruptBlockedThreads()
    {
        lock (_gate)
        {
            _interruption.WakeBlocked();
        }
    }

    /// <summary>Ends the interrupt of this cell for <see cref="CellInterrupt"/>, once its code has really stopped.</summary>
    internal void ReleaseInterrupt() => _interruption.Release();

    /// <summary>The interrupt report, saying whether the cell's code had to be left running.</summary>
    internal void ReportInterrupted(int? line, bool abandoned)
    {
        if (InterruptKind is not { } kind)
        {
            return;
        }

        var (name, message) = kind switch
        {
            CellFailureKind.Timeout => (nameof(TimeoutException), string.Create(CultureInfo.InvariantCulture,
                $"the cell did not finish within the timeout of {_session.Options.CellTimeout.TotalSeconds:0.###} s and was stopped.")),
            CellFailureKind.Cancelled => (nameof(OperationCanceledException), "the run was cancelled while this cell was running."),
            _ => (nameof(OperationCanceledException), "the cell was interrupted."),
        };
        if (abandoned)
        {
            message += " Its code did not stop and was left running; the session continues from the state before the cell.";
        }

        Fail(new ErrorOutput(name, message, Array.Empty<string>()), line, kind);
    }

    /// <summary>Runs <paramref name="commit"/> unless the cell has ended, atomically with ending it (a cell left running must not change state).</summary>
    internal bool RunIfActive(Action commit)
    {
        lock (_gate)
        {
            if (IsSealed)
            {
                return false;
            }

            commit();
            return true;
        }
    }

    /// <summary>Delivers what is buffered and stops accepting outputs.</summary>
    internal void Seal()
    {
        lock (_gate)
        {
            FlushLocked();
            IsSealed = true;
        }
    }

    private void Emit(CellEvent output, long size)
    {
        lock (_gate)
        {
            if (IsSealed)
            {
                return;
            }

            FlushLocked();
            if (_budget.Exhausted)
            {
                return;
            }

            Deliver(_budget.Take(size) ? output : new DisplayDataEvent(TruncationNote(), new JsonObject(), null));
        }
    }

    private void FlushLocked()
    {
        if (_streams.Take() is not { } pending || _budget.Exhausted)
        {
            return;
        }

        var fitting = _budget.Take(pending.Text);
        if (fitting.Length > 0)
        {
            Deliver(pending with { Text = fitting });
        }

        if (_budget.Exhausted)
        {
            Deliver(new DisplayDataEvent(TruncationNote(), new JsonObject(), null));
        }
    }

    private void Deliver(CellEvent cellEvent)
    {
        try
        {
            _observer.OnEvent(cellEvent);
        }
        catch (ThreadInterruptedException) when (InterruptKind is not null)
        {
            // An interrupt meant for the cell's code woke the observer instead; the event is lost, the cell stops anyway.
        }
        catch (Exception e)
        {
            // The host's observer failing is the host's problem, not the cell's: it is rethrown to the host at the end.
            ObserverError ??= e;
        }
    }

    private MimeBundle TruncationNote() => new MimeBundle().Set(MimeBundle.PlainText, string.Create(CultureInfo.InvariantCulture,
        $"[output truncated: this cell's output reached the limit of {_budget.Limit:N0} bytes; the rest was dropped]"));

    private static List<string> Clip(IReadOnlyList<string> lines, long limit)
    {
        var kept = new List<string>();
        long size = 0;
        foreach (var line in lines)
        {
            size += line.Length;
            if (size > limit)
            {
                kept.Add("[traceback truncated]");
                break;
            }

            kept.Add(line);
        }

        return kept;
    }

    private MimeBundle Bundle(object? value, string[] mimeTypes)
    {
        var bundle = Formatters.Format(value, FormatContext);
        if (mimeTypes.Length == 0)
        {
            return bundle;
        }

        var filtered = new MimeBundle();
        foreach (var (mime, node) in bundle.Where(p => p.Key == MimeBundle.PlainText || mimeTypes.Contains(p.Key)))
        {
            if (MimeBundle.IsJsonMimeType(mime))
            {
                filtered.SetJson(mime, node.DeepClone());
            }
            else
            {
                filtered.Set(mime, bundle.GetText(mime)!);
            }
        }

        return filtered;
    }
}
