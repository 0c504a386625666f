using System.Collections.Concurrent;
using Research.Analysis.Results;
using Research.Pipeline.Jobs;
using Research.Pipeline.Running;

namespace Research.Pipeline.Tests.Support;

/// <summary>
/// A job runner that writes what a notebook would (executed notebook, HTML, result file, log) without executing one,
/// so the pipeline's decisions are tested in milliseconds. The result number is <see cref="Value"/> of the job.
/// </summary>
public sealed class FakeRunner : IJobRunner
{
    private readonly ConcurrentQueue<string> _ran = new();

    /// <summary>The number each job's result file holds (default 1).</summary>
    public Func<NotebookJob, double> Value { get; set; } = _ => 1.0;

    /// <summary>How a job ends; null (or a null result) means exit 0 after writing every output.</summary>
    public Func<NotebookJob, JobRequest, JobEnding?>? Ending { get; set; }

    /// <summary>Awaited before each job writes anything (lets a test hold a run open).</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    /// <summary>The names of the jobs run, in order.</summary>
    public IReadOnlyList<string> Ran => [.. _ran];

    /// <summary>What the pipeline asked to prepare, in order.</summary>
    public IReadOnlyList<(JobProcess Process, int Count)> Prepared => [.. _prepared];

    private readonly ConcurrentQueue<(JobProcess, int)> _prepared = new();

    public void Prepare(JobProcess process, int count) => _prepared.Enqueue((process, count));

    public async Task<JobEnding> RunAsync(JobRequest request, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        var job = request.Job;
        _ran.Enqueue(job.Name);
        File.WriteAllText(request.Resolve(job.Log), $"ran {job.Name}\n");
        if (Ending?.Invoke(job, request) is { } ending)
        {
            return ending;
        }

        WriteOutputs(request, Value(job));
        return new JobEnding(0);
    }

    public static void WriteOutputs(JobRequest request, double value)
    {
        var job = request.Job;
        var parameters = string.Join(",", job.Parameters.Select(p => $"{p.Name}={p.Value}"));
        File.WriteAllText(request.Resolve(job.ExecutedNotebook), $"{{\"job\": \"{job.Name}\", \"parameters\": \"{parameters}\"}}\n");
        File.WriteAllText(request.Resolve(job.Html), $"<p>{job.Name}</p>\n");
        var row = new ResultRow("randomised", new Dictionary<string, string>(), new Dictionary<string, double?> { ["n"] = value });
        new ResultFile(job.Name, job.Name == JobBuilder.SynthesisJob ? "synthesis" : "municipal", [new ResultTable("flow", "Flow", [new ResultColumn("n", ColumnKind.Count, "n")], [row], [])])
            .Save(request.Resolve(job.Results));
    }
}
