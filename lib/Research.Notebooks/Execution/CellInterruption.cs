namespace Research.Notebooks.Execution;

/// <summary>
/// Stopping one cell: the reason (first one wins), the cancellation token its kernel got, the
/// <see cref="CellInterrupt"/> checks it arms, and the threads running the cell's own code that may be woken from a
/// blocking wait with <see cref="Thread.Interrupt"/>.
/// </summary>
/// <remarks>
/// It shares its cell context's lock, under which the context delivers events: a thread is never woken while it is
/// handing an event to the observer, only while it is blocked in the cell's code. Only a thread blocked at that very
/// moment is woken, because a pending interrupt would fire at its next wait, which could lie outside the cell.
/// </remarks>
internal sealed class CellInterruption(CancellationTokenSource source, object gate)
{
    private readonly object _gate = gate;
    private readonly List<UserCodeScope> _userCode = new();
    private int _armed;

    /// <summary>Cancelled when the cell is asked to stop.</summary>
    public CancellationToken Token { get; } = source.Token;

    /// <summary>Why the cell is being stopped, or null.</summary>
    public CellFailureKind? Kind { get; private set; }

    /// <summary>Asks the cell to stop for <paramref name="kind"/>, unless it was asked already; call under the context's lock.</summary>
    public bool Request(CellFailureKind kind)
    {
        if (Kind is not null)
        {
            return false;
        }

        Kind = kind;
        _armed = 1;
        CellInterrupt.Raise();
        WakeBlocked();
        return true;
    }

    /// <summary>Cancels the token (outside the lock: registrations run synchronously).</summary>
    public void Cancel()
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell ended in the meantime and its source was disposed; there is nothing left to stop.
        }
    }

    /// <summary>Wakes user code blocked right now; call under the context's lock.</summary>
    public void WakeBlocked()
    {
        if (Kind is null)
        {
            return;
        }

        foreach (var scope in _userCode.Where(s => (s.Thread.ThreadState & ThreadState.WaitSleepJoin) != 0))
        {
            scope.Woken = true;
            scope.Thread.Interrupt();
        }
    }

    /// <summary>Disarms the checks for this cell, once its code has really ended.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            CellInterrupt.Lower();
        }
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the cell has been asked to stop.</summary>
    public void ThrowIfRequested()
    {
        if (Kind is not null)
        {
            throw new OperationCanceledException("the cell was interrupted.", Token);
        }
    }

    /// <summary>Marks the calling thread as running the cell's own code until the scope is disposed.</summary>
    public IDisposable EnterUserCode()
    {
        var scope = new UserCodeScope(this, Thread.CurrentThread);
        lock (_gate)
        {
            _userCode.Add(scope);
        }

        return scope;
    }

    private sealed class UserCodeScope(CellInterruption owner, Thread thread) : IDisposable
    {
        public Thread Thread => thread;

        public bool Woken { get; set; }

        public void Dispose()
        {
            bool woken;
            lock (owner._gate)
            {
                owner._userCode.Remove(this);
                woken = Woken;
            }

            if (woken)
            {
                // An interrupt the user code did not meet would fire at this thread's next wait: consume it here.
                try
                {
                    Thread.Sleep(0);
                }
                catch (ThreadInterruptedException)
                {
                }
            }
        }
    }
}
