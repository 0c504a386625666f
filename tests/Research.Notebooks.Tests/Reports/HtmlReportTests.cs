using System.Text.RegularExpressions;
using Research.Notebooks.Reports;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Reports;

public class HtmlReportTests(ShowcaseRun run) : IClassFixture<ShowcaseRun>
{
    [Fact]
    public void Report_embeds_plotly_once_and_references_nothing_online()
    {
        var html = HtmlReportWriter.Write(run.Notebook, "Showcase");

        Assert.Single(Regex.Matches(html, "plotly.js v\\d"));
        Assert.DoesNotMatch("<script[^>]+src=", html);
        Assert.DoesNotMatch("<link[^>]+href=\"https?:", html);
        Assert.Contains("<h1 id=\"showcase\">Showcase</h1>", html);
        Assert.Contains("Plotly.newPlot(\"report-plot-1\"", html);
        Assert.Contains("deliberate failure", html);
    }

    [Fact]
    public void Code_is_left_out_by_default_and_kept_folded_with_a_toggle_on_request()
    {
        var reader = HtmlReportWriter.Write(run.Notebook, "Showcase");
        var author = HtmlReportWriter.Write(run.Notebook, "Showcase", new HtmlReportOptions { ShowCode = true });
        var code = run.Notebook.Cells.First(c => c.Type == CellType.Code && c.Source.Trim().Length > 20).Source.Trim();

        Assert.DoesNotContain("<details class=\"source\"", reader);
        Assert.DoesNotContain("<code class=\"language-", reader);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(code), reader);
        Assert.Contains("<details class=\"source\">", author);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(code), author);
        Assert.Contains("onclick=\"toggleCode(this)\"", author);
        Assert.Contains("@media print", reader);
    }

    [Fact]
    public void Contents_list_the_markdown_headings_after_the_opening_section()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellType.Markdown, "# Title\n\n## Summary\nFirst."));
        notebook.Cells.Add(new NotebookCell(CellType.Markdown, "## 1. Design & flow\n### Arms"));
        notebook.Cells.Add(new NotebookCell(CellType.Markdown, "## 2. Effects"));

        var html = HtmlReportWriter.Write(notebook, "t");

        var contents = html.IndexOf("<nav class=\"toc\">", StringComparison.Ordinal);
        Assert.True(contents > html.IndexOf("First.", StringComparison.Ordinal), "the contents come after the opening section");
        Assert.True(contents < html.IndexOf("<h2 id=\"design-flow\">", StringComparison.Ordinal));
        Assert.Contains("<li><a href=\"#design-flow\">1. Design &amp; flow</a><ol><li><a href=\"#arms\">Arms</a></li></ol></li><li><a href=\"#effects\">2. Effects</a></li>", html);
    }

    [Fact]
    public async Task Identical_outputs_give_identical_report_bytes()
    {
        var again = NotebookFile.Load(Fixtures.PathOf("Showcase.dib"));
        await Runs.RunAsync(again, new Research.Notebooks.Execution.NotebookHostOptions { AllowErrors = true }, ShowcaseRun.NotebookDirectory);
        StripWallTime(again);
        StripWallTime(run.Notebook);

        Assert.Equal(HtmlReportWriter.Write(run.Notebook, "Showcase"), HtmlReportWriter.Write(again, "Showcase"));
    }

    [Fact]
    public void Report_loads_offline_in_headless_chromium_without_console_messages_and_draws_the_chart()
    {
        var path = run.Save("report.html", HtmlReportWriter.Write(run.Notebook, "Showcase"));

        var (dom, console) = HeadlessChromium.Load(path, Path.Combine(run.Directory, "report.png"));

        Assert.True(console.Count == 0, string.Join("\n", console));
        Assert.Matches("<div id=\"report-plot-1\" class=\"plotly-chart[^\"]*js-plotly-plot[^\"]*\"", dom);
        Assert.Contains("class=\"main-svg\"", dom);
        Assert.Contains("from-html-cell", dom);
        Assert.True(new FileInfo(Path.Combine(run.Directory, "report.png")).Length > 10_000);
    }

    [Fact]
    public void The_chromium_check_sees_script_errors()
    {
        var path = run.Save("broken.html", "<html><body><script>console.error('deliberate'); notDefined();</script></body></html>");

        var (_, console) = HeadlessChromium.Load(path);

        Assert.Contains(console, l => l.Contains("Uncaught ReferenceError", StringComparison.Ordinal));
    }

    private static void StripWallTime(Notebook notebook)
    {
        foreach (var cell in notebook.Cells)
        {
            cell.Outputs.RemoveAll(o => o is DisplayDataOutput d && d.Data.GetText(MimeBundle.PlainText)!.StartsWith("Wall time", StringComparison.Ordinal));
        }
    }
}
