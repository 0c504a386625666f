using System.Diagnostics;
using Research.Notebooks.Execution;
using Research.Notebooks.Sessions;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Sessions;

public class InterruptTests
{
    [Theory]
    [InlineData("while (true) { x++; }")]
    [InlineData("for (;;) x++;")]
    [InlineData("do x++; while (x != -1);")]
    [InlineData("l: x++; goto l;")]
    [InlineData("long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);\nx = Fib(90);")]
    [InlineData("x = Enumerable.Repeat(1L, int.MaxValue).Select(i => { x++; return i; }).Sum();")]
    [InlineData("class Spinner { public long Spin() { long n = 0; while (n >= 0) { n = (n + 1) % 1000; } return n; } }\nx = new Spinner().Spin();")]
    [InlineData("System.Threading.Thread.Sleep(60_000);")]
    [InlineData("new System.Threading.ManualResetEventSlim().Wait();")]
    [InlineData("await Task.Delay(60_000, CancellationToken);")]
    public async Task A_running_cell_stops_within_two_seconds_of_an_interrupt_and_the_state_survives(string loop)
    {
        using var session = TestSessions.Create();
        var name = Guid.NewGuid().ToString("N");
        await session.RunAsync("long x = 1;\nvar kept = \"state\";");
        var running = session.ExecuteAsync($"CellProbe.Signal(\"{name}\").Set();\n{loop}", null, new RecordingObserver());
        Assert.True(CellProbe.WaitFor(name, 60), "the cell did not start");
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        Assert.True(session.Interrupt());
        var result = await running;
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {watch.Elapsed}");
        Assert.False(result.Abandoned);
        Assert.Equal(CellFailureKind.Interrupted, result.Failure?.Kind);
        var (after, observer) = await session.RunAsync("kept + \":\" + (x >= 1)");
        Assert.True(after.Succeeded, after.Failure?.Message);
        Assert.Equal("state:True", Assert.IsType<ExecuteResultEvent>(observer.Events.Single()).Data.GetText(MimeBundle.PlainText));
    }

    [Fact]
    public async Task An_interrupted_cell_reports_the_line_it_stopped_on()
    {
        using var session = TestSessions.Create();
        var name = Guid.NewGuid().ToString("N");
        var running = session.ExecuteAsync($"var i = 0;\nCellProbe.Signal(\"{name}\").Set();\nwhile (true)\n{{\n    i++;\n}}", null, new RecordingObserver());
        Assert.True(CellProbe.WaitFor(name, 60));

        session.Interrupt();
        var result = await running;

        Assert.Equal((CellFailureKind.Interrupted, "the cell was interrupted."), (result.Failure!.Kind, result.Failure.Message));
        Assert.InRange(result.Failure.Line ?? 0, 3, 5);
    }

    [Fact]
    public async Task Code_that_cannot_be_stopped_is_abandoned_and_the_session_continues_from_the_state_before_it()
    {
        using var session = TestSessions.Create();
        var name = Guid.NewGuid().ToString("N");
        await session.RunAsync("var before = 1;");

        // Thread.SpinWait is library code, neither checking for interrupts nor blocking: only abandoning it is left.
        var running = session.ExecuteAsync($"var lost = 2;\nCellProbe.Signal(\"{name}\").Set();\nSystem.Threading.Thread.SpinWait(int.MaxValue);", null, new RecordingObserver());
        Assert.True(CellProbe.WaitFor(name, 60));
        session.Interrupt();
        var result = await running;
        var (after, observer) = await session.RunAsync("before");
        var (lost, _) = await session.RunAsync("lost");

        Assert.True(result.Abandoned);
        Assert.Contains("left running", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal("1", Assert.IsType<ExecuteResultEvent>(observer.Events.Single()).Data.GetText(MimeBundle.PlainText));
        Assert.False(lost.Succeeded);
    }

    [Fact]
    public async Task A_cpu_bound_cell_stops_at_the_timeout_through_the_same_checks()
    {
        // Only the loop runs under the short timeout: a cell's compile counts against its timeout, and on two cores shared
        // with a parallel build a first compile (declaring n) or the follow-up's can take longer than a second by itself.
        using var session = TestSessions.Create();
        var (declared, _) = await session.RunAsync("var n = 0L;");
        session.Options.CellTimeout = TimeSpan.FromSeconds(1);
        var (result, observer) = await session.RunAsync("while (true) { n++; }");
        session.Options.CellTimeout = NotebookHostOptions.DefaultCellTimeout;
        var (after, _) = await session.RunAsync("n > 0");

        Assert.True(declared.Succeeded);

        Assert.Equal(CellFailureKind.Timeout, result.Failure!.Kind);
        Assert.False(result.Abandoned);
        Assert.Equal(nameof(TimeoutException), Assert.IsType<ErrorEvent>(observer.Events[^1]).Name);
        Assert.True(after.Succeeded);
    }

    [Fact]
    public async Task Interrupting_an_idle_session_does_nothing()
    {
        using var session = TestSessions.Create();

        Assert.False(session.Interrupt());
        var (result, _) = await session.RunAsync("1");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Compile_errors_point_at_the_users_line_and_column_although_the_cell_is_instrumented()
    {
        using var session = TestSessions.Create();

        var (result, observer) = await session.RunAsync("var x = 0;\nfor (var i = 0; i < 3; i++) { x++; } var y = undefined;\nint F() => x;");

        var error = Assert.IsType<ErrorEvent>(observer.Events.Single());
        Assert.StartsWith("line 2, column 46: error CS0103", error.Value, StringComparison.Ordinal);
        Assert.Equal(2, result.Failure!.Line);
    }

    [Fact]
    public async Task Instrumented_code_keeps_its_meaning()
    {
        using var session = TestSessions.Create();

        var (result, observer) = await session.RunAsync("""
            int Twice(int n) => n * 2;
            void Nothing() => Console.Write("");
            async Task Later() => await Task.Yield();
            async Task<int> LaterValue() => await Task.FromResult(4);
            int Fails() => throw new InvalidOperationException("x");
            class Box { int _v = 1; public int V { get => _v; set => _v = value; } public int W => _v + 1; public int this[int i] => i; public Box() => _v = 5; }
            var total = 0;
            foreach (var i in new[] { 1, 2 }) total += Twice(i);
            for (var i = 0; i < 3; i++) if (i == 1) continue; else total++;
            Func<int, int> f = k => { return k + 1; };
            await Later();
            Nothing();
            new[] { total, f(1), await LaterValue(), new Box().V, new Box().W, new Box()[7] }
            """);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("[8, 2, 4, 5, 6, 7]", Assert.IsType<ExecuteResultEvent>(observer.Events.Single()).Data.GetText(MimeBundle.PlainText));
    }
}
