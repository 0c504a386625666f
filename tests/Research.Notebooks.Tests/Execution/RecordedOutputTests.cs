using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

/// <summary>How the headless runner records live events as cell outputs (nbclient's rules).</summary>
public class RecordedOutputTests
{
    [Fact]
    public async Task A_display_update_replaces_the_output_in_place_also_in_an_earlier_cell()
    {
        var (notebook, result) = await Runs.RunCSharpAsync(
            "Console.WriteLine(\"before\");\nvar h = display(\"v1\");\nConsole.WriteLine(\"after\");\nh.Update(\"v2\");",
            "var other = display(\"other\");\nh.Update(HTML(\"<b>v3</b>\"));");

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal(new[] { "before\n", "<b>v3</b>", "after\n" }, notebook.Cells[0].Outputs.Select(Runs.Plain));
        Assert.Equal("<b>v3</b>", Assert.IsType<DisplayDataOutput>(notebook.Cells[0].Outputs[1]).Data.GetText(MimeBundle.Html));
        Assert.Equal("other", Runs.Plain(Assert.Single(notebook.Cells[1].Outputs)));
    }

    [Fact]
    public async Task Clear_output_empties_the_cell_now_or_at_the_next_output_with_wait()
    {
        var (notebook, _) = await Runs.RunCSharpAsync(
            "Console.WriteLine(\"a\");\ndisplay(1);\nClearOutput();\nConsole.WriteLine(\"b\");",
            "Console.WriteLine(\"a\");\nClearOutput(wait: true);\nConsole.WriteLine(\"b\");",
            "Console.WriteLine(\"kept\");\nClearOutput(wait: true);",
            "for (var i = 0; i < 3; i++) { ClearOutput(wait: true); Console.Write($\"frame {i}\"); Console.Out.Flush(); }");

        Assert.Equal(new[] { "b\n" }, notebook.Cells[0].Outputs.Select(Runs.Plain));
        Assert.Equal(new[] { "b\n" }, notebook.Cells[1].Outputs.Select(Runs.Plain));
        Assert.Equal(new[] { "kept\n" }, notebook.Cells[2].Outputs.Select(Runs.Plain));
        Assert.Equal(new[] { "frame 2" }, notebook.Cells[3].Outputs.Select(Runs.Plain));
    }

    [Fact]
    public async Task A_cleared_display_is_no_longer_updated()
    {
        var (notebook, _) = await Runs.RunCSharpAsync(
            "var h = display(\"old\");\nClearOutput();\nConsole.WriteLine(\"x\");\nh.Update(\"new\");");

        Assert.Equal(new[] { "x\n" }, notebook.Cells[0].Outputs.Select(Runs.Plain));
    }

    [Fact]
    public async Task Many_small_writes_form_one_stream_output()
    {
        var (notebook, _) = await Runs.RunCSharpAsync("for (var i = 0; i < 20000; i++) { Console.Write('x'); }\nConsole.Error.Write(\"e\");\nConsole.Write(\"y\");");

        Assert.Equal(new CellOutput[] { new StreamOutput("stdout", new string('x', 20000)), new StreamOutput("stderr", "e"), new StreamOutput("stdout", "y") }, notebook.Cells[0].Outputs);
    }
}
