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
}
