using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Research.Notebooks.Formatting;

namespace Research.Notebooks.Reports;

/// <summary>
/// Writes an executed notebook as one standalone HTML page: Markdown rendered, code cells foldable, outputs inline,
/// Plotly charts drawn from their figure JSON by a single embedded copy of plotly.js (no network needed).
/// The bytes depend only on the notebook, so identical outputs give identical reports.
/// </summary>
public static class HtmlReportWriter
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
        """;

    /// <summary>The report for <paramref name="notebook"/>, titled <paramref name="title"/>.</summary>
    public static string Write(Notebook notebook, string title)
    {
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

        html.Append("</head>\n<body>\n<main>\n");
        var plots = 0;
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Type)
            {
                case CellType.Markdown:
                    html.Append("<section class=\"cell markdown\">\n")
                        .Append(Markdown.ToHtml(cell.Source, BuiltInFormatters.MarkdownPipeline))
                        .Append("</section>\n");
                    break;
                case CellType.Raw:
                    html.Append("<section class=\"cell raw\"><pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre></section>\n");
                    break;
                default:
                    WriteCodeCell(html, cell, ref plots);
                    break;
            }
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteCodeCell(StringBuilder html, NotebookCell cell, ref int plots)
    {
        var count = cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ";
        var firstLine = cell.Source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
        html.Append("<section class=\"cell code\">\n<details class=\"source\" open>\n<summary>In [").Append(count).Append("]: ")
            .Append(WebUtility.HtmlEncode(firstLine)).Append("</summary>\n<pre><code class=\"language-")
            .Append(WebUtility.HtmlEncode(cell.KernelName ?? "text")).Append("\">")
            .Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n</details>\n");
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
