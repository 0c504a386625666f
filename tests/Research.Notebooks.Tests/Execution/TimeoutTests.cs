using Research.Notebooks.Execution;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class TimeoutTests
{
    [Fact]
    public async Task A_runaway_cell_is_stopped_at_the_timeout_and_reported()
    {
        // Engine warm-up is not counted against a cell's timeout, but the first cell's compile is: on two cores shared with
        // a national run-all it took more than 3 s. 8 s still stops the 30 s sleep well before it ends.
        var options = new NotebookHostOptions { CellTimeout = TimeSpan.FromSeconds(8), AllowErrors = true };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Thread.Sleep cannot be cancelled: the host has to abandon the cell, not wait for it.
        var (notebook, result) = await Runs.RunAsync(Runs.CSharp("var a = 1;", "System.Threading.Thread.Sleep(30_000);", "a"), options);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), watch.Elapsed.ToString());
        var failure = Assert.Single(result.Failures);
        Assert.Equal((2, CellFailureKind.Timeout), (failure.CellNumber, failure.Kind));
        Assert.Equal(nameof(TimeoutException), Assert.IsType<ErrorOutput>(notebook.Cells[1].Outputs.Single()).Name);
        Assert.True(result.Stopped);
        Assert.Null(notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task A_cell_that_honours_the_cancellation_token_stops_within_the_grace_period()
    {
        var options = new NotebookHostOptions { CellTimeout = TimeSpan.FromMilliseconds(500) };
        var (notebook, result) = await Runs.RunAsync(Runs.CSharp("while (true) { CancellationToken.ThrowIfCancellationRequested(); }"), options);

        Assert.Equal(CellFailureKind.Timeout, result.Failures.Single().Kind);
        Assert.Contains("timeout of 0.5 s", Runs.Plain(notebook.Cells[0].Outputs.Single()));
    }

    [Fact]
    public async Task Cancelling_the_run_stops_it_and_keeps_the_outputs_so_far()
    {
        using var cancellation = new CancellationTokenSource();
        var notebook = Runs.CSharp("Console.WriteLine(\"first\");", "while (true) { CancellationToken.ThrowIfCancellationRequested(); }");
        var cancelWhenSecondCellStarts = new SynchronousProgress(p =>
        {
            if (p is { CellNumber: 2, Finished: false })
            {
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));
            }
        });

        var result = await new NotebookRunner(new NotebookHostOptions()).RunAsync(notebook, null, cancelWhenSecondCellStarts, cancellation.Token);

        Assert.Equal(CellFailureKind.Cancelled, result.Failures.Single().Kind);
        Assert.Equal("first\n", Runs.Plain(notebook.Cells[0].Outputs.Single()));
    }
}

internal sealed class SynchronousProgress(Action<CellProgress> report) : IProgress<CellProgress>
{
    public void Report(CellProgress value) => report(value);
}
