using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Research.Notebooks.Formatting;

namespace Research.Notebooks.Reports;

/// <summary>
/// Writes an executed notebook as one standalone HTML page for readers: Markdown rendered, outputs inline, code cells
/// left out unless asked for (<see cref="HtmlReportOptions.ShowCode"/>), a table of contents of the Markdown headings
/// after the opening section, print styles, and Plotly charts drawn from their figure JSON by a single embedded copy of
/// plotly.js (no network needed). The bytes depend only on the notebook, so identical outputs give identical reports.
/// </summary>
public static partial class HtmlReportWriter
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
        .cell{margin:1rem 0}
        details.source{border-left:3px solid #4a7bd0;background:#f6f8fa;padding:.25rem .75rem}
        details.source summary{cursor:pointer;color:#4a7bd0;font-family:ui-monospace,monospace;font-size:.85rem}
        pre{overflow-x:auto;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem;margin:.4rem 0}
        .outputs{padding-left:.75rem}
        .stream.stderr{background:#fff4e5}
        .error{background:#fdecea;color:#8b1a1a;padding:.5rem}
        table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
        th,td{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:right}
        th{background:#f6f8fa}
        .nb-table-footer{font-size:.8rem;color:#57606a}
        nav.toc{border:1px solid #d0d7de;background:#fafbfc;padding:.5rem 1rem;margin:1.5rem 0;font-size:.9rem}
        nav.toc ol{margin:.2rem 0 .2rem 1.2rem;padding:0}
        button.code-toggle{font-size:.8rem;margin:.5rem 0}
        @media print{
          body{max-width:none;margin:0;font-size:10.5pt}
          nav.toc,button.code-toggle,details.source{display:none}
          h2,h3{break-after:avoid}
          figure,table,.plotly-chart,.output{break-inside:avoid}
          .plotly-chart{width:100%!important}
          a{color:inherit;text-decoration:none}
        }
        """;

    private const string ToggleScript = """
        function toggleCode(b){var d=document.querySelectorAll('details.source');var open=!d[0]||!d[0].open;d.forEach(function(x){x.open=open;});b.textContent=open?'Hide code':'Show code';}
        """;

    /// <summary>The report for <paramref name="notebook"/>, titled <paramref name="title"/>.</summary>
    public static string Write(Notebook notebook, string title, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new HtmlReportOptions();
        var needsPlotly = notebook.Cells.SelectMany(c => c.Outputs).Any(o => Bundle(o)?.Contains(MimeBundle.PlotlyJson) == true);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n");
        if (needsPlotly)
        {
            html.Append("<script>\n").Append(PlotlyJs.Script).Append("\n</script>\n");
        }

        if (options.ShowCode)
        {
            html.Append("<script>\n").Append(ToggleScript).Append("</script>\n");
        }

        html.Append("</head>\n<body>\n<main>\n");
        var headings = notebook.Cells.Where(c => c.Type == CellType.Markdown)
            .SelectMany(c => Heading().Matches(Markdown.ToHtml(c.Source, BuiltInFormatters.MarkdownPipeline)))
            .Select(m => (Level: m.Groups[1].Value[0] - '0', Id: m.Groups[2].Value, Text: m.Groups[3].Value)).ToList();
        var secondLevel2 = 0;
        var plots = 0;
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Type)
            {
                case CellType.Markdown:
                    var rendered = Markdown.ToHtml(cell.Source, BuiltInFormatters.MarkdownPipeline);
                    // The contents go before the second level-2 heading, so the opening section (a report's summary) comes first.
                    if (Heading().Matches(rendered).Any(m => m.Groups[1].Value == "2") && ++secondLevel2 == 2)
                    {
                        WriteContents(html, headings, options.ShowCode);
                    }

                    html.Append("<section class=\"cell markdown\">\n").Append(rendered).Append("</section>\n");
                    break;
                case CellType.Raw:
                    html.Append("<section class=\"cell raw\"><pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre></section>\n");
                    break;
                default:
                    WriteCodeCell(html, cell, options.ShowCode, ref plots);
                    break;
            }
        }

        if (secondLevel2 < 2 && options.ShowCode)
        {
            html.Append(ToggleButton);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private const string ToggleButton = "<button type=\"button\" class=\"code-toggle\" onclick=\"toggleCode(this)\">Show code</button>\n";

    [GeneratedRegex("<h([23]) id=\"([^\"]+)\">(.*?)</h[23]>", RegexOptions.Singleline)]
    private static partial Regex Heading();

    private static void WriteContents(StringBuilder html, IReadOnlyList<(int Level, string Id, string Text)> headings, bool showCode)
    {
        html.Append("<nav class=\"toc\"><b>Contents</b>\n<ol>");
        var (item, nested) = (false, false);
        foreach (var (level, id, text) in headings)
        {
            // Level-3 headings nest under the level-2 heading before them.
            if (level == 2)
            {
                html.Append(nested ? "</ol>" : string.Empty).Append(item ? "</li>" : string.Empty);
                (item, nested) = (true, false);
                html.Append("<li>");
            }
            else if (!nested)
            {
                html.Append(item ? string.Empty : "<li>").Append("<ol>");
                (item, nested) = (true, true);
            }

            // The heading text is Markdig's HTML already (entities encoded); only the id needs care in the attribute.
            html.Append(level == 3 ? "<li>" : string.Empty).Append("<a href=\"#").Append(WebUtility.HtmlEncode(id)).Append("\">").Append(text).Append("</a>")
                .Append(level == 3 ? "</li>" : string.Empty);
        }

        html.Append(nested ? "</ol>" : string.Empty).Append(item ? "</li>" : string.Empty).Append("</ol></nav>\n");
        if (showCode)
        {
            html.Append(ToggleButton);
        }
    }

    private static void WriteCodeCell(StringBuilder html, NotebookCell cell, bool showCode, ref int plots)
    {
        if (!showCode && cell.Outputs.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"cell code\">\n");
        if (showCode)
        {
            var count = cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ";
            var firstLine = cell.Source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
            html.Append("<details class=\"source\">\n<summary>In [").Append(count).Append("]: ")
                .Append(WebUtility.HtmlEncode(firstLine)).Append("</summary>\n<pre><code class=\"language-")
                .Append(WebUtility.HtmlEncode(cell.KernelName ?? "text")).Append("\">")
                .Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n</details>\n");
        }

        if (cell.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in cell.Outputs)
            {
                WriteOutput(html, output, ref plots);
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteOutput(StringBuilder html, CellOutput output, ref int plots)
    {
        switch (output)
        {
            case StreamOutput stream:
                html.Append("<pre class=\"stream ").Append(stream.Name == StreamOutput.Stderr ? "stderr" : "stdout").Append("\">")
                    .Append(WebUtility.HtmlEncode(stream.Text)).Append("</pre>\n");
                break;
            case ErrorOutput error:
                html.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode($"{error.Name}: {error.Value}"));
                foreach (var line in error.Traceback)
                {
                    html.Append('\n').Append(WebUtility.HtmlEncode(line));
                }

                html.Append("</pre>\n");
                break;
            default:
                if (Bundle(output) is { } bundle)
                {
                    WriteBundle(html, bundle, ref plots);
                }

                break;
        }
    }

    private static MimeBundle? Bundle(CellOutput output) => output switch
    {
        DisplayDataOutput d => d.Data,
        ExecuteResultOutput r => r.Data,
        _ => null,
    };

    // The richest representation a static page can show; Plotly figures are drawn from JSON, never from the
    // chart's own HTML (which loads plotly.js from a CDN).
    private static void WriteBundle(StringBuilder html, MimeBundle bundle, ref int plots)
    {
        if (bundle.GetNode(MimeBundle.PlotlyJson) is { } figure)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"report-plot-{++plots}");
            html.Append("<div id=\"").Append(id).Append("\" class=\"plotly-chart\"></div>\n<script>(function(){var f=")
                .Append(ScriptJson.Literal(figure))
                .Append(";Plotly.newPlot(\"").Append(id).Append("\",f.data,f.layout,{responsive:true});})();</script>\n");
        }
        else if (bundle.GetText(MimeBundle.Html) is { } fragment)
        {
            html.Append("<div class=\"output html\">").Append(fragment).Append("</div>\n");
        }
        else if (bundle.GetText("image/svg+xml") is { } svg)
        {
            html.Append("<div class=\"output svg\">").Append(svg).Append("</div>\n");
        }
        else if (bundle.GetText("image/png") is { } png)
        {
            html.Append("<img alt=\"output\" src=\"data:image/png;base64,").Append(png.Trim()).Append("\">\n");
        }
        else if (bundle.GetText(MimeBundle.Markdown) is { } markdown)
        {
            html.Append(Markdown.ToHtml(markdown, BuiltInFormatters.MarkdownPipeline));
        }
        else
        {
            html.Append("<pre class=\"result\">").Append(WebUtility.HtmlEncode(bundle.GetText(MimeBundle.PlainText) ?? string.Empty)).Append("</pre>\n");
        }
    }
}
