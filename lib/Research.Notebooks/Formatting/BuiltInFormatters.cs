using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.Data.Analysis;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Research.Notebooks.Reports;

namespace Research.Notebooks.Formatting;

/// <summary>
/// The formatters every host starts with: invariant-culture primitives and dates, <see cref="HtmlContent"/>,
/// <see cref="MarkdownContent"/>, sequences (capped), <see cref="DataFrame"/> (HTML table, capped rows) and
/// Plotly.NET charts (chart HTML that loads plotly.js with require.js in Jupyter, plus the Plotly figure JSON, which the HTML report draws with one embedded plotly.js).
/// </summary>
public static partial class BuiltInFormatters
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
        registry.Register<GenericChart>(FormatChart);
    }

    /// <summary>A bundle for Markdown source: the rendered HTML, the source as <c>text/markdown</c> and as plain text.</summary>
    public static MimeBundle MarkdownBundle(string markdown) => new MimeBundle()
        .Set(MimeBundle.Html, Markdown.ToHtml(markdown, MarkdownPipeline))
        .Set(MimeBundle.Markdown, markdown)
        .Set(MimeBundle.PlainText, markdown);

    /// <summary>Formats a sequence: at most <see cref="FormatContext.ListLimit"/> items, as a list and an index/value table.</summary>
    public static MimeBundle Sequence(FormatterRegistry registry, IEnumerable values, FormatContext context)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in values)
        {
            if (items.Count == context.ListLimit)
            {
                more = true;
                break;
            }

            items.Add(registry.PlainText(item, context));
        }

        var total = values is ICollection collection ? collection.Count : (int?)null;
        var elided = !more ? null : total is { } n ? $"... ({n - items.Count} more)" : "... (more)";
        var plain = "[" + string.Join(", ", elided is null ? items : items.Append(elided)) + "]";
        var rows = items.Select((v, i) => (IReadOnlyList<string>)new[] { i.ToString(CultureInfo.InvariantCulture), v });
        return new MimeBundle()
            .Set(MimeBundle.Html, HtmlTable.Html(new[] { "index", "value" }, rows, elided))
            .Set(MimeBundle.PlainText, plain);
    }

    private static MimeBundle Plain(string text) => new MimeBundle().Set(MimeBundle.PlainText, text);

    private static MimeBundle FormatDataFrame(DataFrame frame, FormatContext context)
    {
        var header = frame.Columns.Select(c => c.Name).ToList();
        var shown = (int)Math.Min(frame.Rows.Count, context.RowLimit);
        var rows = new List<IReadOnlyList<string>>(shown);
        for (var r = 0; r < shown; r++)
        {
            rows.Add(frame.Columns.Select(c => Cell(c[r])).ToList());
        }

        var footer = string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count} rows × {frame.Columns.Count} columns")
                     + (shown < frame.Rows.Count ? string.Create(CultureInfo.InvariantCulture, $" (first {shown} shown)") : string.Empty);
        return new MimeBundle()
            .Set(MimeBundle.Html, HtmlTable.Html(header, rows, footer))
            .Set(MimeBundle.PlainText, HtmlTable.Text(header, rows, footer));
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static MimeBundle FormatChart(GenericChart chart, FormatContext context)
    {
        // Plotly.NET puts random GUIDs in the chart HTML; replace them so identical runs give identical bytes.
        var id = context.NewElementId("plotly");
        // Jupyter front ends have no global Plotly: the HTML loads plotly.js through require.js, as Plotly.NET.Interactive did.
        var loading = GenericChart.addDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NewRequire(PlotlyJs.CdnUrl))),
            chart);
        var html = GuidPattern().Replace(GenericChart.toChartHTML(loading), _ => id);
        var traces = GenericChart.countTrace(chart);
        return new MimeBundle()
            .Set(MimeBundle.Html, html)
            .SetJson(MimeBundle.PlotlyJson, JsonNode.Parse(GenericChart.toFigureJson(chart))!)
            .Set(MimeBundle.PlainText, string.Create(CultureInfo.InvariantCulture, $"Plotly chart ({traces} trace{(traces == 1 ? string.Empty : "s")})"));
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
