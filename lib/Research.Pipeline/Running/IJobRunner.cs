namespace Research.Pipeline.Running;

/// <summary>
/// Runs one notebook job. Today every job is its own <c>research run</c> process (<see cref="ProcessJobRunner"/>), so
/// reports cannot share script state or console capture and a crash stays in its process; an in-process runner can
/// take its place without the pipeline changing.
/// </summary>
public interface IJobRunner
{
    /// <summary>Runs the job and reports how it ended; never throws for a failing notebook (only for cancellation).</summary>
    Task<JobEnding> RunAsync(JobRequest request, CancellationToken cancellationToken);
}
