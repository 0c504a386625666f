using Research.Pipeline.Jobs;
using Research.Pipeline.Running;
using Research.Pipeline.Running.Workers;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests.Running;

/// <summary>
/// The worker pool with /bin/sh standing in for <c>research worker</c>: the memory limit reaches the worker, logs are
/// split per job and capped, a worker is reused only after an exit 0, and a worker that dies ends only its own job.
/// </summary>
public sealed class WorkerPoolJobRunnerTests
{
    // Answers each request line with what it saw, then the end line: exit 0, or for Tilburg what $TILBURG says ($1 is "worker").
    private const string Worker = """
        n=0
        while read -r line; do
          n=$((n+1))
          id=$(printf '%s' "$line" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
          echo "pid=$$ job=$n limit=$DOTNET_GCHeapHardLimit processors=${DOTNET_PROCESSOR_COUNT:-all} args=[$*] cwd=$(pwd) request=$line" >&2
          echo "to stdout $n"
          code=0
          case "$line" in *municipality=tilburg*) code=${TILBURG:-0} ;; esac
          [ "$code" = die ] && exit 7
          [ "$code" = flood ] && { head -c 3000000 /dev/zero | tr '\0' x >&2; code=0; }
          printf '\036research-worker-end %s %s\n' "$id" "$code" >&2
        done
        """;

    [Fact]
    public async Task The_worker_gets_the_memory_limit_and_the_run_arguments_in_the_output_directory()
    {
        var directory = Scratch.Directory();
        using var pool = Pool();

        var ending = await pool.RunAsync(Request(directory, "utrecht", 1L << 30), CancellationToken.None);

        Assert.Equal(new JobEnding(0), ending);
        var log = Log(directory, "utrecht");
        Assert.Contains("limit=40000000", log);
        Assert.Contains($"cwd={directory}", log);
        Assert.Contains("\"args\":[\"/nb/municipal-report.ipynb\",\"-o\",\"reports/utrecht.ipynb\",\"--html\",\"reports/utrecht.html\"", log);
        Assert.Contains("\"-p\",\"municipality=utrecht\"]", log);
        Assert.DoesNotContain("research-worker-end", log);
    }

    [Fact]
    public async Task A_worker_is_told_its_share_of_the_processors_and_a_job_with_another_share_gets_another_worker()
    {
        var directory = Scratch.Directory();
        using var pool = Pool();

        await pool.RunAsync(Request(directory, "tilburg") with { Processors = 1 }, CancellationToken.None);
        await pool.RunAsync(Request(directory, "utrecht"), CancellationToken.None);

        Assert.Contains("processors=1 ", Log(directory, "tilburg"));
        Assert.Contains("processors=all ", Log(directory, "utrecht"));
        Assert.Equal(2, pool.WorkersStarted);
    }

    [Fact]
    public async Task Prepared_workers_are_told_to_warm_up_and_take_the_next_jobs_with_their_settings()
    {
        var directory = Scratch.Directory();
        using var pool = Pool();
        var request = Request(directory, "tilburg") with { Processors = 1 };

        pool.Prepare(request.Process, 2);
        pool.Prepare(request.Process, 2);
        await pool.RunAsync(request, CancellationToken.None);
        await pool.RunAsync(Request(directory, "utrecht"), CancellationToken.None);

        Assert.Equal(3, pool.WorkersStarted);
        Assert.Contains($"args=[worker --warm-up {directory}]", Log(directory, "tilburg"));
        Assert.Contains("args=[worker]", Log(directory, "utrecht"));
    }

    [Fact]
    public async Task A_worker_runs_the_next_job_after_an_exit_0_and_each_job_has_its_own_log()
    {
        var directory = Scratch.Directory();
        using var pool = Pool();

        await pool.RunAsync(Request(directory, "tilburg"), CancellationToken.None);
        await pool.RunAsync(Request(directory, "utrecht"), CancellationToken.None);

        Assert.Equal(1, pool.WorkersStarted);
        Assert.Contains("job=1", Log(directory, "tilburg"));
        Assert.DoesNotContain("job=2", Log(directory, "tilburg"));
        Assert.Contains("job=2", Log(directory, "utrecht"));
        Assert.Equal(Pid(Log(directory, "tilburg")), Pid(Log(directory, "utrecht")));
    }

    [Theory]
    [InlineData("1", 1, false)]
    [InlineData("die", 7, true)]
    public async Task After_a_failure_or_a_dead_worker_the_next_job_gets_a_fresh_worker(string first, int exitCode, bool endedWorker)
    {
        var directory = Scratch.Directory();
        using var pool = Pool(first);

        var failed = await pool.RunAsync(Request(directory, "tilburg"), CancellationToken.None);
        var next = await pool.RunAsync(Request(directory, "utrecht"), CancellationToken.None);

        Assert.Equal(new JobEnding(exitCode, EndedWorker: endedWorker), failed);
        Assert.Equal(new JobEnding(0), next);
        Assert.Equal(2, pool.WorkersStarted);
        Assert.NotEqual(Pid(Log(directory, "tilburg")), Pid(Log(directory, "utrecht")));
        Assert.Contains("job=1", Log(directory, "utrecht"));
    }

    [Fact]
    public void A_worker_that_ends_with_exit_0_mid_job_is_not_a_success()
    {
        var ending = new JobEnding(0, EndedWorker: true);

        Assert.False(ending.ExitedNormally);
        Assert.StartsWith("ended its worker process with exit 0", ending.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flooding_notebook_cannot_fill_the_disk()
    {
        var directory = Scratch.Directory();
        using var pool = Pool("flood", logLimit: 100_000);

        var ending = await pool.RunAsync(Request(directory, "tilburg"), CancellationToken.None);

        Assert.Equal(0, ending.ExitCode);
        var log = Log(directory, "tilburg");
        Assert.InRange(log.Length, 100_000, 100_100);
        Assert.Contains("[log cut at 100000 bytes]", log);
    }

    [Fact]
    public async Task A_cancelled_job_kills_its_worker()
    {
        var directory = Scratch.Directory();
        using var pool = new WorkerPoolJobRunner(new ChildCommand("/bin/sh", ["-c", "echo $$ >&2; read -r line; sleep 600", "sh"]));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.RunAsync(Request(directory, "utrecht"), cancel.Token));

        var pid = int.Parse(Log(directory, "utrecht").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Alive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(Alive(pid));
    }

    [Fact]
    public async Task A_missing_executable_is_a_start_failure()
    {
        using var pool = new WorkerPoolJobRunner(new ChildCommand("/nonexistent/research", []));

        var ending = await pool.RunAsync(Request(Scratch.Directory(), "utrecht"), CancellationToken.None);

        Assert.NotNull(ending.StartFailure);
        Assert.StartsWith("could not start: /nonexistent/research", ending.Describe(), StringComparison.Ordinal);
    }

    private static WorkerPoolJobRunner Pool(string tilburg = "0", long logLimit = WorkerPoolJobRunner.DefaultLogLimitBytes)
    {
        var script = $"TILBURG={tilburg}\n{Worker}";
        return new WorkerPoolJobRunner(new ChildCommand("/bin/sh", ["-c", script, "sh"]), logLimit);
    }

    private static bool Alive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Log(string directory, string job) => File.ReadAllText(Path.Combine(directory, "logs", job + ".log"));

    private static string Pid(string log) => log[(log.IndexOf("pid=", StringComparison.Ordinal) + 4)..].Split(' ')[0];

    private static JobRequest Request(string directory, string municipality, long? memory = null) => new(
        new NotebookJob(municipality, "/nb/municipal-report.ipynb", [new JobParameter("municipality", municipality)], []),
        directory, TimeSpan.FromSeconds(30), memory, AllowExternalResources: false);
}
