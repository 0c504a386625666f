using System.Globalization;

namespace Research.Pipeline.Running;

/// <summary>How a job's run ended: its exit code, or why it could not start.</summary>
/// <param name="ExitCode">The exit code (on Unix 128 + N when signal N ended the process).</param>
/// <param name="StartFailure">Why the job could not be started, if it could not.</param>
/// <param name="EndedWorker">The notebook ended the worker process that ran it (the exit code is the process's).</param>
public sealed record JobEnding(int ExitCode, string? StartFailure = null, bool EndedWorker = false)
{
    /// <summary>A run that exited 0.</summary>
    public bool ExitedNormally => StartFailure is null && ExitCode == 0 && !EndedWorker;

    /// <summary>What happened, as a researcher reads it.</summary>
    public string Describe() => (StartFailure, ExitCode) switch
    {
        ({ } why, _) => $"could not start: {why}",
        (_, 0) when EndedWorker => "ended its worker process with exit 0 before the notebook finished (did a cell end the process?)",
        (_, 0) => "exited 0",
        (_, 1) => "failed (exit 1: a cell failed)",
        (_, 2) => "failed (exit 2: the command line was refused)",
        (_, 134) => "aborted (SIGABRT: Environment.FailFast, a stack overflow or another runtime abort)",
        (_, 137) => "was killed (SIGKILL: the out-of-memory killer or kill -9)",
        (_, 139) => "crashed (SIGSEGV)",
        (_, 143) => "was terminated (SIGTERM)",
        (_, > 128 and < 160) => string.Create(CultureInfo.InvariantCulture, $"ended by signal {ExitCode - 128}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"failed (exit {ExitCode})"),
    };
}
