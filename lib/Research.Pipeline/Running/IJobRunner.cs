namespace Research.Pipeline.Running;

/// <summary>
/// Runs one notebook job: in the tool, in a pool of long-lived worker processes (<see cref="Workers.WorkerPoolJobRunner"/>),
/// so reports cannot share script state or console capture and a crash stays in its process; in the pipeline's tests, a
/// fake that writes outputs without executing anything.
/// </summary>
public interface IJobRunner
{
    /// <summary>Runs the job and reports how it ended; never throws for a failing notebook (only for cancellation).</summary>
    Task<JobEnding> RunAsync(JobRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Gets ready for up to <paramref name="count"/> jobs in processes with <paramref name="process"/>'s settings while
    /// the caller does other work (the pipeline calls it when validation starts); returns at once. A runner with nothing
    /// to prepare ignores it.
    /// </summary>
    void Prepare(JobProcess process, int count)
    {
    }
}
