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
        Assert.Contains("<details class=\"source\" open>", html);
        Assert.Contains("Plotly.newPlot(\"report-plot-1\"", html);
        Assert.Contains("deliberate failure", html);
    }

    [Fact]
    public async Task Identical_outputs_give_identical_report_bytes()
    {
        var again = NotebookFile.Load(Fixtures.PathOf("Showcase.dib"));
        await Runs.RunAsync(again, new Research.Notebooks.Execution.NotebookHostOptions { AllowErrors = true });
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
