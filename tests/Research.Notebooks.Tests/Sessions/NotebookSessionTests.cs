using Research.Notebooks.Sessions;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Sessions;

public class NotebookSessionTests
{
    [Fact]
    public async Task State_execution_count_and_history_belong_to_the_session()
    {
        using var session = TestSessions.Create();

        var (first, _) = await session.RunAsync("var n = 20;");
        var (second, observer) = await session.RunAsync("n + 1");
        var silent = await session.ExecuteAsync(new CellRequest("n * 2") { Silent = true }, new RecordingObserver());
        var unstored = await session.ExecuteAsync(new CellRequest("var m = n;") { StoreHistory = false }, new RecordingObserver());

        Assert.Equal((1, 2), (first.ExecutionCount, second.ExecutionCount));
        var result = Assert.IsType<ExecuteResultEvent>(Assert.Single(observer.Events));
        Assert.Equal(("21", 2), (result.Data.GetText(MimeBundle.PlainText), result.ExecutionCount));
        Assert.Equal((2, true), (silent.ExecutionCount, silent.Succeeded));
        Assert.Equal(2, unstored.ExecutionCount);
        Assert.Equal(2, session.ExecutionCount);
        Assert.Equal(new[] { (1, "var n = 20;", "csharp"), (2, "n + 1", "csharp") }, session.History.Select(h => (h.ExecutionCount, h.Code, h.KernelName)));
    }

    [Fact]
    public async Task A_silent_execution_shows_no_result()
    {
        using var session = TestSessions.Create();
        var observer = new RecordingObserver();

        await session.ExecuteAsync(new CellRequest("Console.Write(\"x\");\n1 + 1") { Silent = true }, observer);

        Assert.Equal("x", observer.Stdout);
        Assert.DoesNotContain(observer.Events, e => e is ExecuteResultEvent);
    }

    [Fact]
    public async Task A_leading_selector_line_picks_the_kernel_when_the_request_names_none()
    {
        using var session = TestSessions.Create();

        var (markdown, observer) = await session.RunAsync("#!markdown\n*x*");
        var (csharp, _) = await session.RunAsync("#!c#\n1");

        Assert.Equal(("markdown", "csharp"), (markdown.KernelName, csharp.KernelName));
        Assert.Equal("<p><em>x</em></p>\n", Assert.IsType<DisplayDataEvent>(Assert.Single(observer.Events)).Data.GetText(MimeBundle.Html));
    }

    [Fact]
    public async Task Stream_text_reaches_the_observer_while_the_cell_still_runs()
    {
        // The cell waits (up to a minute) until the observer has seen its first line: were output delivered only at
        // the end of the cell, the wait would time out and the cell would say so.
        var name = Guid.NewGuid().ToString("N");
        using var session = TestSessions.Create();
        var observer = new RecordingObserver(e =>
        {
            if (e is StreamEvent { Text: var text } && text.Contains("first", StringComparison.Ordinal))
            {
                CellProbe.Signal(name).Set();
            }
        });

        var result = await session.ExecuteAsync(
            $"Console.WriteLine(\"first\");\nConsole.WriteLine(CellProbe.WaitFor(\"{name}\", 60) ? \"seen live\" : \"not seen\");",
            null,
            observer);

        Assert.True(result.Succeeded);
        Assert.Equal("first\nseen live\n", observer.Stdout);
        Assert.True(observer.Events.OfType<StreamEvent>().Count() >= 2);
    }

    [Fact]
    public async Task Stdout_and_stderr_keep_their_order()
    {
        using var session = TestSessions.Create();

        var (_, observer) = await session.RunAsync("Console.Write(\"a\");\nConsole.Error.Write(\"b\");\nConsole.Write(\"c\");\nConsole.Out.Flush();\nConsole.Write(\"d\");");

        Assert.Equal(new[] { "stdout:a", "stderr:b", "stdout:c", "stdout:d" }, observer.Events.OfType<StreamEvent>().Select(s => $"{s.Name}:{s.Text}"));
    }

    [Fact]
    public async Task Display_returns_a_handle_whose_update_replaces_the_output_from_any_later_cell()
    {
        using var session = TestSessions.Create();

        var (_, first) = await session.RunAsync("var h = display(1);\nh.Update(2);");
        var (_, second) = await session.RunAsync("h.Update(\"three\");\nh.DisplayId");

        var shown = Assert.IsType<DisplayDataEvent>(first.Events[0]);
        var update = Assert.IsType<UpdateDisplayDataEvent>(first.Events[1]);
        var later = Assert.IsType<UpdateDisplayDataEvent>(second.Events[0]);
        Assert.NotNull(shown.DisplayId);
        Assert.Equal(shown.DisplayId, update.DisplayId);
        Assert.Equal(shown.DisplayId, later.DisplayId);
        Assert.Equal(("1", "2", "three"), (shown.Data.GetText(MimeBundle.PlainText), update.Data.GetText(MimeBundle.PlainText), later.Data.GetText(MimeBundle.PlainText)));
        Assert.Equal(shown.DisplayId, Assert.IsType<ExecuteResultEvent>(second.Events[1]).Data.GetText(MimeBundle.PlainText));
    }

    [Fact]
    public async Task A_trailing_display_call_is_not_shown_twice()
    {
        using var session = TestSessions.Create();

        var (_, observer) = await session.RunAsync("display(5)");

        Assert.IsType<DisplayDataEvent>(Assert.Single(observer.Events));
    }

    [Fact]
    public async Task Executions_run_one_at_a_time()
    {
        var name = Guid.NewGuid().ToString("N");
        using var session = TestSessions.Create();
        var running = session.ExecuteAsync($"CellProbe.WaitFor(\"{name}\", 60);", null, new RecordingObserver());
        while (!session.IsBusy)
        {
            await Task.Delay(10);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.ExecuteAsync("1", null, new RecordingObserver()));
        CellProbe.Signal(name).Set();
        Assert.True((await running).Succeeded);
    }

    [Fact]
    public async Task An_observer_that_throws_fails_the_host_call_not_the_cell()
    {
        using var session = TestSessions.Create();
        var observer = new RecordingObserver(_ => throw new InvalidOperationException("socket gone"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => session.ExecuteAsync("var survived = 1;\nConsole.WriteLine(\"x\");", null, observer));
        var (after, _) = await session.RunAsync("survived");

        Assert.Equal("socket gone", error.Message);
        Assert.True(after.Succeeded);
    }
}
