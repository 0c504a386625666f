using Research.Notebooks.Execution;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class MagicAndKernelTests
{
    [Fact]
    public async Task Time_magic_reports_wall_time_after_the_cells_outputs()
    {
        var (notebook, result) = await Runs.RunCSharpAsync("#!time\nConsole.WriteLine(\"x\");");

        Assert.True(result.Succeeded);
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", Runs.Plain(notebook.Cells[0].Outputs[1]));
    }

    [Fact]
    public async Task Markdown_and_html_cells_render_and_leading_selectors_pick_the_kernel()
    {
        var notebook = IpynbFormat.Read("""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
             {"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [], "source": "#!markdown\n# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |"},
             {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": null, "outputs": [], "source": "#!md\n*x*"},
             {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "outputs": [], "source": "#!html\n<b>hi</b>"},
             {"cell_type": "code", "id": "d", "metadata": {}, "execution_count": null, "outputs": [], "source": "#!csharp\n1 + 2"}
            ]}
            """);
        var (_, result) = await Runs.RunAsync(notebook);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var markdown = Assert.IsType<DisplayDataOutput>(notebook.Cells[0].Outputs.Single()).Data;
        Assert.Contains("<h1", markdown.GetText(MimeBundle.Html));
        Assert.Contains("<table>", markdown.GetText(MimeBundle.Html));
        Assert.Equal("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |", markdown.GetText(MimeBundle.Markdown));
        Assert.Equal("<p><em>x</em></p>\n", Assert.IsType<DisplayDataOutput>(notebook.Cells[1].Outputs.Single()).Data.GetText(MimeBundle.Html));
        Assert.Equal("<b>hi</b>", Assert.IsType<DisplayDataOutput>(notebook.Cells[2].Outputs.Single()).Data.GetText(MimeBundle.Html));
        Assert.Equal("3", Runs.Plain(notebook.Cells[3].Outputs.Single()));
    }

    [Fact]
    public async Task Unknown_magic_is_a_clear_error_on_its_line()
    {
        var (notebook, result) = await Runs.RunCSharpAsync("var a = 1;\n#!whom\nvar b = 2;");

        var error = Assert.IsType<ErrorOutput>(notebook.Cells[0].Outputs.Single());
        Assert.Contains("unknown magic command '#!whom'", error.Value);
        Assert.Equal(2, result.Failures.Single().Line);
    }

    [Fact]
    public async Task Cells_of_a_kernel_the_host_lacks_fail_clearly_instead_of_crashing()
    {
        var notebook = DibFormat.Parse("#!csharp\n\nvar a = 1;\n\n#!fsharp\n\nlet y = 2\n\n#!csharp\n\na\n");
        var (_, result) = await Runs.RunAsync(notebook, new NotebookHostOptions { AllowErrors = true });

        var error = Assert.IsType<ErrorOutput>(notebook.Cells[1].Outputs.Single());
        Assert.Equal("KernelNotAvailable", error.Name);
        Assert.Contains("kernel 'fsharp' is not available in this host", error.Value);
        Assert.Equal("1", Runs.Plain(notebook.Cells[2].Outputs.Single()));
        Assert.Single(result.Failures);
    }

    [Fact]
    public async Task Markdown_cells_of_a_dib_stay_markdown_and_are_not_executed()
    {
        var notebook = DibFormat.Parse(Fixtures.Text("Analysis.dib"));
        var (_, result) = await Runs.RunAsync(notebook);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal(new int?[] { null, 1, 2 }, notebook.Cells.Select(c => c.ExecutionCount));
        Assert.Empty(notebook.Cells[0].Outputs);
        Assert.Equal(new[] { "sum\n", "6" }, notebook.Cells[1].Outputs.Select(Runs.Plain));
        Assert.Equal("[2, 4, 6]", Runs.Plain(notebook.Cells[2].Outputs[1]));
    }
}
