using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.Pipeline;

/// <summary>
/// Issue 15: run-all runs the reports in warm worker processes, one after another per worker. A report that crashes its
/// worker, hangs or runs out of memory fails alone: the reports before and after it keep outputs identical to a clean
/// run's, and a fresh worker takes the next report. With <c>--parallel 1</c> the three reports share one worker until
/// Tilburg's breaks it.
/// </summary>
public sealed class WorkerIsolationTests
{
    // Inserted after the stand-in report's results cell, where it breaks Tilburg's worker.
    private static readonly Dictionary<string, string> Breakers = new(StringComparer.Ordinal)
    {
        ["exit"] = "typeof(Environment).GetMethod(\"Exit\")!.Invoke(null, new object[] { 0 });",
        ["fail-fast"] = "typeof(Environment).GetMethod(\"FailFast\", new[] { typeof(string) })!.Invoke(null, new object[] { \"deliberate\" });",
        ["stack-overflow"] = "int Deep(int depth) => Deep(depth + 1) + 1;\nDeep(0);",
        ["thread-exception"] = "new System.Threading.Thread(() => throw new InvalidOperationException(\"deliberate\")).Start();\nSystem.Threading.Thread.Sleep(30_000);",
        ["hang"] = "System.Threading.SpinWait.SpinUntil(() => false);",
        ["out-of-memory"] = "var hoard = new List<byte[]>();\nwhile (true) { hoard.Add(new byte[1 << 20]); hoard[^1][0] = 1; }",
    };

    private static readonly Lazy<Task<Dictionary<string, byte[]>>> CleanResults = new(RunCleanAsync);

    [Theory]
    [InlineData("exit", "tilburg: FAILED: failed (exit 1: a cell failed)")]
    [InlineData("fail-fast", "tilburg: FAILED: aborted (SIGABRT")]
    [InlineData("stack-overflow", "tilburg: FAILED: aborted (SIGABRT")]
    [InlineData("thread-exception", "tilburg: FAILED: aborted (SIGABRT")]
    [InlineData("hang", "tilburg: FAILED: failed (exit 1: a cell failed)")]
    [InlineData("out-of-memory", "tilburg: FAILED: failed (exit 1: a cell failed); it ran out of memory")]
    public async Task A_report_that_breaks_its_worker_fails_alone_and_a_fresh_worker_runs_the_next(string breaker, string message)
    {
        var root = TestData.Scratch();
        // A timeout long enough for a cold first cell on a busy machine, short enough for the hang to be stopped.
        var run = await RunAllAsync(root, TestData.StandInNotebooksEndingWith(root, "breaker", "if (municipality == \"tilburg\")\n{\n" + Breakers[breaker] + "\n}"), "--timeout", breaker == "hang" ? "30" : "300", "--memory-limit", "600M");

        Assert.Equal(1, run.Exit);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        var outDir = Path.Combine(root, "out");
        Assert.False(File.Exists(Path.Combine(outDir, "reports", "tilburg.results.json")));
        Assert.False(File.Exists(Path.Combine(outDir, ".cache", "tilburg.json")));
        var clean = await CleanResults.Value;
        foreach (var site in new[] { "deventer", "utrecht" })
        {
            Assert.Equal(clean[site], File.ReadAllBytes(Path.Combine(outDir, "reports", site + ".results.json")));
            Assert.True(File.Exists(Path.Combine(outDir, ".cache", site + ".json")), site);
            Assert.DoesNotContain("tilburg", File.ReadAllText(Path.Combine(outDir, "logs", site + ".log")), StringComparison.Ordinal);
        }

        // Deventer's worker was reused for Tilburg (warm), and a fresh one ran Utrecht after Tilburg broke it.
        Assert.Equal(TestData.WorkerOf(outDir, "deventer"), TestData.WorkerOf(outDir, "tilburg"));
        Assert.NotEqual(TestData.WorkerOf(outDir, "tilburg"), TestData.WorkerOf(outDir, "utrecht"));
    }

    private static async Task<Dictionary<string, byte[]>> RunCleanAsync()
    {
        var root = TestData.Scratch();
        var run = await RunAllAsync(root, TestData.StandInNotebooks);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        return TestData.Trio.ToDictionary(s => s, s => File.ReadAllBytes(Path.Combine(root, "out", "reports", s + ".results.json")), StringComparer.Ordinal);
    }

    private static Task<(int Exit, string Output, string Error)> RunAllAsync(string root, string notebooks, params string[] more)
    {
        var extracts = TestData.ThreeMunicipalities(Path.Combine(root, "extracts"));
        return CliRunner.RunAsync(["run-all", "--extracts", extracts, "--out", Path.Combine(root, "out"), "--notebooks", notebooks, "--parallel", "1", .. more]);
    }
}
