using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Markdig;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Research.Notebooks.Reports;

namespace Research.Notebooks.Formatting;

/// <summary>
/// The formatters every host starts with: invariant-culture primitives and dates, <see cref="HtmlContent"/>,
/// <see cref="MarkdownContent"/>, sequences (capped), <see cref="DataFrame"/> and Deedle frames (HTML tables, capped rows) and
/// Plotly.NET charts (chart HTML that loads plotly.js with require.js in Jupyter, plus the Plotly figure JSON, which the HTML report draws with one embedded plotly.js).
/// </summary>
public static class BuiltInFormatters
{
    /// <summary>The Markdig pipeline used for Markdown everywhere in the host (tables, task lists, auto links...).</summary>
    public static MarkdownPipeline MarkdownPipeline { get; } = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Registers all built-in formatters on <paramref name="registry"/>.</summary>
    public static void RegisterAll(FormatterRegistry registry)
    {
        registry.Register<IFormattable>((value, _) => Plain(value.ToString(null, CultureInfo.InvariantCulture)));
        registry.Register<string>((s, _) => Plain(s));
        registry.Register<bool>((b, _) => Plain(b ? "true" : "false"));
        registry.Register<DateOnly>((d, _) => Plain(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        registry.Register<DateTime>((d, _) => Plain(d.ToString("o", CultureInfo.InvariantCulture)));
        registry.Register<HtmlContent>((h, _) => new MimeBundle().Set(MimeBundle.Html, h.Html).Set(MimeBundle.PlainText, h.Html));
        registry.Register<MarkdownContent>((m, _) => MarkdownBundle(m.Markdown));
        registry.Register<DataFrame>(FormatDataFrame);
        registry.Register(typeof(Deedle.Frame<,>), DeedleFrames.Format);
        registry.Register<GenericChart>(FormatChart);
    }

    /// <summary>A bundle for Markdown source: the rendered HTML, the source as <c>text/markdown</c> and as plain text.</summary>
    public static MimeBundle MarkdownBundle(string markdown) => new MimeBundle()
        .Set(MimeBundle.Html, Markdown.ToHtml(markdown, MarkdownPipeline))
        .Set(MimeBundle.Markdown, markdown)
        .Set(MimeBundle.PlainText, markdown);

    /// <summary>
    /// Formats a sequence: at most <see cref="FormatContext.ListLimit"/> items, as a list in plain text and, in HTML, as
    /// .NET Interactive showed it: scalars on one line, dictionary entries in a key/value table, other items in an
    /// index/value table.
    /// </summary>
    public static MimeBundle Sequence(FormatterRegistry registry, IEnumerable values, FormatContext context)
    {
        var shown = new List<object?>();
        var more = false;
        foreach (var item in values)
        {
            if (shown.Count == context.ListLimit)
            {
                more = true;
                break;
            }

            shown.Add(item);
        }

        // Each item as its own formatter shows it (a notebook's Formatter.Register of the item type included).
        var items = shown.Select(item => registry.PlainText(item, context)).ToList();
        var total = values is ICollection collection ? collection.Count : (int?)null;
        var elided = !more ? null : total is { } n ? $"... ({n - items.Count} more)" : "... (more)";
        var plain = "[" + string.Join(", ", elided is null ? items : items.Append(elided)) + "]";
        return new MimeBundle().Set(MimeBundle.Html, SequenceHtml(registry, values, shown, items, elided, context)).Set(MimeBundle.PlainText, plain);
    }

    private static string SequenceHtml(FormatterRegistry registry, IEnumerable values, List<object?> shown, List<string> items, string? elided, FormatContext context)
    {
        var entries = shown.Select(ObjectTree.Entry).ToList();
        if (values is IDictionary || (shown.Count > 0 && entries.All(e => e is not null)))
        {
            var pairs = entries.Select(e => (IReadOnlyList<string>)new[] { registry.NestedHtml(e!.Value.Key, context), registry.NestedHtml(e.Value.Value, context) });
            return HtmlTable.RawHtml(new[] { "key", "value" }, pairs, elided);
        }

        if (shown.All(item => item is null || (ObjectTree.IsScalar(item.GetType()) && !registry.HasFormatter(item.GetType(), MimeBundle.Html))))
        {
            return ObjectTree.ScalarLine(items, elided);
        }

        var rows = shown.Select((item, i) => (IReadOnlyList<string>)new[] { i.ToString(CultureInfo.InvariantCulture), registry.NestedHtml(item, context) });
        return HtmlTable.RawHtml(new[] { "index", "value" }, rows, elided);
    }

    private static MimeBundle Plain(string text) => new MimeBundle().Set(MimeBundle.PlainText, text);

    // The HTML is the table .NET Interactive showed (a row index first, missing values as <null>, a size footer only when
    // rows are elided); the plain text is an aligned table with the frame's size.
    private static MimeBundle FormatDataFrame(DataFrame frame, FormatContext context)
    {
        var header = frame.Columns.Select(c => c.Name).ToList();
        var shown = (int)Math.Min(frame.Rows.Count, context.RowLimit);
        var rows = new List<IReadOnlyList<string>>(shown);
        for (var r = 0; r < shown; r++)
        {
            rows.Add(frame.Columns.Select(c => Cell(c[r])).ToList());
        }

        var size = string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count} rows × {frame.Columns.Count} columns");
        var elided = shown < frame.Rows.Count ? string.Create(CultureInfo.InvariantCulture, $"{size} (first {shown} shown)") : null;
        var indexed = rows.Select((row, r) => (IReadOnlyList<string>)frame.Columns
            .Select((c, i) => c[r] is null ? FormatterRegistry.NullText : row[i])
            .Prepend(r.ToString(CultureInfo.InvariantCulture)).ToList());
        return new MimeBundle()
            .Set(MimeBundle.Html, HtmlTable.Html(header.Prepend("index").ToList(), indexed, elided))
            .Set(MimeBundle.PlainText, HtmlTable.Text(header, rows, elided ?? size));
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static MimeBundle FormatChart(GenericChart chart, FormatContext context)
    {
        var id = context.NewElementId("plotly");
        var figure = JsonNode.Parse(PlotlyFigureJson.Of(chart))!;
        var traces = GenericChart.countTrace(chart);
        return new MimeBundle()
            .Set(MimeBundle.Html, ChartHtml(id, figure))
            .SetJson(MimeBundle.PlotlyJson, figure)
            .Set(MimeBundle.PlainText, string.Create(CultureInfo.InvariantCulture, $"Plotly chart ({traces} trace{(traces == 1 ? string.Empty : "s")})"));
    }

    // Jupyter front ends have no global Plotly: the HTML loads plotly.js through require.js, as Plotly.NET.Interactive did.
    // Plotly.NET's own chart HTML writes the figure JSON into the script unescaped (a trace named "</script>..." ends the
    // script), so the script is written here and the figure goes in through ScriptJson.
    private static string ChartHtml(string id, JsonNode figure) =>
        "<div><div id=\"" + id + "\"></div><script type=\"text/javascript\">\n"
        + "(function () {\n"
        + "  var render = function () {\n"
        + "    var plotlyRequire = requirejs.config({context: 'research-plotly', paths: {plotly: '" + PlotlyJs.CdnUrl[..^3] + "'}}) || require;\n"
        + "    plotlyRequire(['plotly'], function (Plotly) {\n"
        + "      var figure = " + ScriptJson.Literal(figure) + ";\n"
        + "      Plotly.newPlot('" + id + "', figure.data, figure.layout, {responsive: true});\n"
        + "    });\n"
        + "  };\n"
        + "  if (typeof requirejs !== 'function' || typeof requirejs.config !== 'function') {\n"
        + "    var script = document.createElement('script');\n"
        + "    script.setAttribute('src', 'https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js');\n"
        + "    script.onload = render;\n"
        + "    document.getElementsByTagName('head')[0].appendChild(script);\n"
        + "  } else {\n"
        + "    render();\n"
        + "  }\n"
        + "})();\n"
        + "</script></div>";

}
