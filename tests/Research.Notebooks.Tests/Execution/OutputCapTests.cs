using Research.Notebooks.Execution;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class OutputCapTests
{
    private static readonly NotebookHostOptions Capped = new() { MaxOutputBytes = 10_000, AllowErrors = true };

    [Fact]
    public async Task Output_beyond_the_cap_is_dropped_with_a_visible_note()
    {
        var (notebook, result) = await Runs.RunAsync(
            Runs.CSharp("for (var i = 0; i < 100_000; i++) { Console.WriteLine(\"line \" + i); }\ndisplay(\"never shown\");\n\"nor this\"", "Console.Write(\"next cell\");"),
            Capped);

        Assert.True(result.Succeeded);
        var outputs = notebook.Cells[0].Outputs;
        Assert.Equal(2, outputs.Count);
        var text = Assert.IsType<StreamOutput>(outputs[0]).Text;
        Assert.Equal(10_000, System.Text.Encoding.UTF8.GetByteCount(text));
        Assert.StartsWith("line 0\nline 1\n", text, StringComparison.Ordinal);
        Assert.Contains("output truncated", Runs.Plain(outputs[1]), StringComparison.Ordinal);
        Assert.Contains("10,000 bytes", Runs.Plain(outputs[1]), StringComparison.Ordinal);
        Assert.Equal("next cell", Runs.Plain(Assert.Single(notebook.Cells[1].Outputs)));
    }

    [Fact]
    public async Task Text_is_cut_on_a_character_boundary_and_counted_in_utf8_bytes()
    {
        var (notebook, _) = await Runs.RunAsync(Runs.CSharp("Console.Write(new string('é', 9_999));"), Capped);

        var text = Assert.IsType<StreamOutput>(notebook.Cells[0].Outputs[0]).Text;
        Assert.Equal(new string('é', 5_000), text);
    }

    [Fact]
    public async Task A_display_larger_than_what_is_left_is_replaced_by_the_note()
    {
        var (notebook, _) = await Runs.RunAsync(Runs.CSharp("display(\"small\");\ndisplay(new string('x', 20_000));\nConsole.WriteLine(\"dropped\");"), Capped);

        Assert.Equal("small", Runs.Plain(notebook.Cells[0].Outputs[0]));
        Assert.Contains("output truncated", Runs.Plain(notebook.Cells[0].Outputs[1]), StringComparison.Ordinal);
        Assert.Equal(2, notebook.Cells[0].Outputs.Count);
    }

    [Fact]
    public async Task An_error_after_the_cap_is_still_shown()
    {
        var (notebook, result) = await Runs.RunAsync(Runs.CSharp("Console.Write(new string('x', 50_000));\nthrow new InvalidOperationException(\"why it failed\");"), Capped);

        Assert.Equal("why it failed", Assert.IsType<ErrorOutput>(notebook.Cells[0].Outputs[^1]).Value);
        Assert.Equal(2, result.Failures.Single().Line);
    }

    [Fact]
    public async Task Clearing_the_output_gives_the_cell_its_budget_back_and_updates_do_not_count()
    {
        var (notebook, _) = await Runs.RunAsync(
            Runs.CSharp("var h = display(0);\nfor (var i = 0; i < 2_000; i++) { h.Update(new string('u', 100)); }\nfor (var i = 0; i < 50; i++) { ClearOutput(wait: true); Console.Write(new string('p', 1_000)); Console.Out.Flush(); }"),
            Capped);

        Assert.Equal(new string('p', 1_000), Runs.Plain(Assert.Single(notebook.Cells[0].Outputs)));
    }
}
