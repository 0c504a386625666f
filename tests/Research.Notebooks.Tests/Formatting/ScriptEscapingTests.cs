using Research.Notebooks.Reports;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Formatting;

/// <summary>
/// A value that reaches a chart (an arm name from experiments.json, a trace name) cannot end the chart's
/// <c>&lt;script&gt;</c> element, in the executed notebook's HTML output as well as in the standalone report.
/// </summary>
public sealed class ScriptEscapingTests
{
    private const string Hostile = "</script><script>document.title='pwned'</script><!--\u2028";

    private static readonly string Cell = $$"""
        using Plotly.NET;
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new[] { 1, 2 });
        trace.SetProperty("y", new[] { 3.0, 4.0 });
        trace.SetProperty("name", {{System.Text.Json.JsonSerializer.Serialize(Hostile)}});
        GenericChart.ofTraceObject(true, trace)
        """;

    [Fact]
    public async Task The_executed_notebook_chart_keeps_the_name_inside_its_script_in_chromium()
    {
        var (notebook, result) = await Runs.RunCSharpAsync(Cell);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var html = Assert.IsType<ExecuteResultOutput>(notebook.Cells[0].Outputs.Single()).Data.GetText(MimeBundle.Html)!;

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.DoesNotContain('\u2028', html);

        // As a Jupyter front end runs it: a stand-in require.js hands the script a Plotly whose newPlot records the trace name.
        var page = Path.Combine(Directory.CreateTempSubdirectory("nb-escape-").FullName, "page.html");
        File.WriteAllText(page, """
            <!DOCTYPE html><html><head><title>safe</title><script>
            window.requirejs = function () {};
            window.requirejs.config = function () {
              return function (deps, done) { done({ newPlot: function (id, data) { document.body.setAttribute('data-trace', data[0].name); } }); };
            };
            </script></head><body>
            """ + html + "</body></html>");

        var (dom, console) = HeadlessChromium.Load(page);

        Assert.Contains("<title>safe</title>", dom);
        Assert.Contains("data-trace=\"&lt;/script&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;!--", dom);
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    [Fact]
    public async Task The_standalone_report_escapes_the_figure_too()
    {
        var (notebook, _) = await Runs.RunCSharpAsync(Cell);

        var html = HtmlReportWriter.Write(notebook, "escape");

        Assert.DoesNotContain("<script>document.title", html);
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Edocument.title", html);
    }
}
