using System.ComponentModel;

namespace Research.Pipeline.Running.Workers;

/// <summary>
/// Runs each job in a pool of long-lived <c>research worker</c> processes (as many as the pipeline runs jobs at once).
/// A worker runs notebooks one after another, each in a fresh notebook session with its own script state, console
/// capture, working directory and cancellation; the pool keeps the isolation of a process per failure: a notebook that
/// crashes its worker (stack overflow, FailFast, an unhandled exception on another thread, Environment.Exit, the
/// out-of-memory killer), times out or fails takes only its own job down, and the next job gets a fresh worker.
/// </summary>
/// <remarks>
/// Reports run in parallel inside one process were considered and rejected: the console and the working directory are
/// process-global in .NET, and a stack overflow or <c>Environment.FailFast</c> cannot be contained in a process, so one
/// hostile cell would end every report. A worker's standard input is a pipe only this process writes: when the
/// pipeline dies, even by <c>kill -9</c>, the pipe closes and the worker ends at once.
/// </remarks>
/// <param name="command">How to start <c>research</c>.</param>
/// <param name="logLimitBytes">The cap of a job's log.</param>
/// <param name="jitProfiles">Where workers counting more than one processor keep their JIT profiles, or null to run them without.</param>
public sealed class WorkerPoolJobRunner(ChildCommand command, long logLimitBytes = WorkerPoolJobRunner.DefaultLogLimitBytes, JitProfiles? jitProfiles = null) : IJobRunner, IDisposable
{
    /// <summary>The default cap of a job's log.</summary>
    public const long DefaultLogLimitBytes = 16L << 20;

    private readonly Lock _gate = new();
    private readonly List<WorkerProcess> _idle = [];
    private bool _disposed;

    /// <summary>How many worker processes were started so far (a crashed or retired worker is replaced by a new one).</summary>
    public int WorkersStarted { get; private set; }

    /// <inheritdoc />
    public async Task<JobEnding> RunAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WorkerProcess? worker;
        try
        {
            worker = TakeIdle(request.Process) ?? Start(request.Process, warmUp: false);
        }
        catch (Win32Exception e)
        {
            return new JobEnding(-1, $"{command.FileName}: {e.Message}");
        }

        if (worker is null)
        {
            return new JobEnding(-1, $"{command.FileName} did not start");
        }

        var reusable = false;
        try
        {
            (var ending, reusable) = await worker.RunAsync(request, logLimitBytes, cancellationToken);
            return ending;
        }
        finally
        {
            Return(worker, reusable);
        }
    }

    /// <summary>
    /// Starts workers until <paramref name="count"/> with <paramref name="process"/>'s settings are idle, each told to
    /// get its notebook engine ready at once (the runtime, the script compiler, the compiled preamble of the cells), so
    /// that happens while the pipeline validates the extracts instead of before each worker's first report. A worker
    /// that cannot start is left to <see cref="RunAsync"/>, which reports why.
    /// </summary>
    public void Prepare(JobProcess process, int count)
    {
        ArgumentNullException.ThrowIfNull(process);
        int missing;
        lock (_gate)
        {
            missing = _disposed ? 0 : count - _idle.Count(w => w.Key == process);
        }

        for (var i = 0; i < missing; i++)
        {
            try
            {
                if (Start(process, warmUp: true) is { } worker)
                {
                    Return(worker, reusable: true);
                }
            }
            catch (Win32Exception)
            {
                return;
            }
        }
    }

    /// <summary>Ends every idle worker.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var worker in _idle)
            {
                worker.Dispose();
            }

            _idle.Clear();
        }
    }

    // A JIT profile is played on a thread of its own, which pays off only on a processor nobody else needs: the
    // synthesis's worker counts every processor and runs alone. Workers counting one processor run side by side on all
    // of them, where the background compiling competed with the other reports (run-all --force at scale 1, five pairs
    // against the tool before: 13.9–19.6 user-s against 14.3–16.1 and no steadier wall time; with the synthesis's
    // profile alone 13.9–16.4 user-s against 13.8–15.8, and 8.7–10.6 s against 9.8–11.0 s of wall time, every pair faster).
    private WorkerProcess? Start(JobProcess key, bool warmUp)
    {
        var worker = WorkerProcess.Start(command, key, warmUp, key.Processors is 1 ? null : jitProfiles?.Begin(JitProfiles.KindOf(key)));
        lock (_gate)
        {
            WorkersStarted++;
        }

        return worker;
    }

    private WorkerProcess? TakeIdle(JobProcess key)
    {
        lock (_gate)
        {
            var index = _idle.FindIndex(w => w.Key == key);
            if (index < 0)
            {
                return null;
            }

            var worker = _idle[index];
            _idle.RemoveAt(index);
            return worker;
        }
    }

    private void Return(WorkerProcess worker, bool reusable)
    {
        lock (_gate)
        {
            if (reusable && !_disposed)
            {
                _idle.Add(worker);
                return;
            }
        }

        worker.Dispose();
    }
}
