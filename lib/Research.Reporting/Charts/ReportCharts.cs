using System.Globalization;
using Plotly.NET;

namespace Research.Reporting.Charts;

/// <summary>
/// Draws <see cref="LineChart"/>s with Plotly. Traces and layout are set as plotly.js attributes, because Plotly.NET's F#
/// optional arguments are not optional from C#. Bands are drawn as filled areas between the limits; every trace of a
/// share carries its base counts as <c>customdata</c> and <c>meta.kind = "share"</c>, so the data embedded in a report
/// says what each point rests on.
/// </summary>
public static class ReportCharts
{
    /// <summary>The Plotly chart of <paramref name="chart"/>.</summary>
    public static GenericChart Draw(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var scale = chart.Scale == AxisScale.PercentagePoints ? 100.0 : 1.0;
        var traces = new List<GenericChart>();
        foreach (var series in chart.Series)
        {
            if (series.Lower is { } lower && series.Upper is { } upper)
            {
                // One filled band per run of published points: a fill across a gap would draw a band where nothing is published.
                foreach (var run in Runs(series.X, series.Y, lower, upper))
                {
                    traces.Add(Trace(series.Name + " (95% CI, lower)", [.. run.Select(i => series.X[i])], Scaled([.. run.Select(i => lower[i])], scale), series, band: null, legend: false, step: series.Step));
                    traces.Add(Trace(series.Name + " (95% CI)", [.. run.Select(i => series.X[i])], Scaled([.. run.Select(i => upper[i])], scale), series, band: Fade(series.Colour), legend: false, step: series.Step));
                }
            }

            traces.Add(Trace(series.Name, series.X, Scaled(series.Y, scale), series, band: null, legend: true, step: series.Step));
        }

        // Spans get legend entries (a square of their colour) rather than labels that would overlap on the chart.
        foreach (var (label, kind) in chart.Spans.Where(s => s.Label.Length > 0).Select(s => (s.Label, s.Kind)).Distinct())
        {
            var key = new Trace2D("scatter");
            key.SetProperty("x", new object?[] { null });
            key.SetProperty("y", new object?[] { null });
            key.SetProperty("name", label);
            key.SetProperty("mode", "markers");
            key.SetProperty("hoverinfo", "skip");
            key.SetProperty("marker", new Dictionary<string, object> { ["symbol"] = "square", ["size"] = 14, ["color"] = Palette.Span(kind, legend: true) });
            traces.Add(GenericChart.ofTraceObject(true, key));
        }

        var layout = new Layout();
        // The note (what bands and shading mean) is a subtitle, so it never collides with the legend.
        var heading = System.Net.WebUtility.HtmlEncode(chart.Title).Replace("\n", "<br>", StringComparison.Ordinal);
        var title = chart.Note is null ? heading : $"{heading}<br><sub>{System.Net.WebUtility.HtmlEncode(chart.Note)}</sub>";
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title, ["font"] = new Dictionary<string, object> { ["size"] = 15 }, ["x"] = 0, ["xref"] = "paper", ["xanchor"] = "left" });
        var span = chart.Series.SelectMany(s => s.X).DefaultIfEmpty(0).Max() - chart.Series.SelectMany(s => s.X).DefaultIfEmpty(0).Min();
        layout.SetProperty("xaxis", new Dictionary<string, object>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = chart.XTitle },
            ["zeroline"] = false,
            ["dtick"] = span <= 12 ? 1 : 6,
            ["automargin"] = true,
        });
        var yaxis = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = chart.YTitle }, ["automargin"] = true, ["zeroline"] = chart.ZeroLine };
        switch (chart.Scale)
        {
            case AxisScale.Share:
                yaxis["tickformat"] = ".0%";
                yaxis["rangemode"] = "tozero";
                break;
            case AxisScale.PercentagePoints:
                yaxis["ticksuffix"] = " pp";
                break;
        }

        layout.SetProperty("yaxis", yaxis);
        layout.SetProperty("height", 460);
        layout.SetProperty("width", Width);
        var lines = chart.Title.Count(c => c == '\n') + 1 + (chart.Note is null ? 0 : 1);
        layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = 30 + (25 * lines), ["l"] = 70, ["r"] = 20, ["b"] = 110 });
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.22 });
        layout.SetProperty("shapes", chart.Spans.Select(s => (object)new Dictionary<string, object>
        {
            ["type"] = "rect",
            ["xref"] = "x",
            ["yref"] = "paper",
            ["x0"] = s.From,
            ["x1"] = s.To,
            ["y0"] = 0,
            ["y1"] = 1,
            ["fillcolor"] = Palette.Span(s.Kind),
            ["line"] = new Dictionary<string, object> { ["width"] = 0 },
            ["layer"] = "below",
        }).ToArray());
        return GenericChart.addLayout(layout, GenericChart.combine(traces));
    }

    /// <summary>The width of every chart in pixels (the report's text column).</summary>
    public const int Width = 1000;

    // The runs of consecutive indices where the value and both limits are published.
    private static IEnumerable<List<int>> Runs(IReadOnlyList<double> x, IReadOnlyList<double?> y, IReadOnlyList<double?> lower, IReadOnlyList<double?> upper)
    {
        var run = new List<int>();
        for (var i = 0; i < x.Count; i++)
        {
            if (y[i] is not null && lower[i] is not null && upper[i] is not null)
            {
                run.Add(i);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static GenericChart Trace(string name, IReadOnlyList<double> x, object?[] y, ChartSeries series, string? band, bool legend, bool step)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y);
        trace.SetProperty("name", name);
        trace.SetProperty("showlegend", legend);
        trace.SetProperty("connectgaps", false);
        trace.SetProperty("legendgroup", series.Name);
        var line = new Dictionary<string, object> { ["shape"] = step ? "hv" : "linear", ["color"] = series.Colour, ["width"] = legend ? 2 : 0 };
        trace.SetProperty("line", line);
        trace.SetProperty("mode", legend && !step && x.Count <= 12 ? "lines+markers" : "lines");
        if (band is not null)
        {
            trace.SetProperty("fill", "tonexty");
            trace.SetProperty("fillcolor", band);
        }

        if (legend && series.BaseCounts is { } counts)
        {
            trace.SetProperty("customdata", counts.Select(c => (object?)c).ToArray());
            trace.SetProperty("meta", new Dictionary<string, object> { ["kind"] = step ? "cumulative_share" : "share" });
            trace.SetProperty("hovertemplate", "%{y} (n = %{customdata})<extra>" + System.Net.WebUtility.HtmlEncode(series.Name) + "</extra>");
        }

        return GenericChart.ofTraceObject(true, trace);
    }

    private static object?[] Scaled(IReadOnlyList<double?> values, double scale) => values.Select(v => v is { } d ? (object)(d * scale) : null).ToArray();

    private static string Fade(string colour) =>
        colour.Length == 7 && colour[0] == '#'
            ? string.Create(CultureInfo.InvariantCulture, $"rgba({Convert.ToInt32(colour[1..3], 16)},{Convert.ToInt32(colour[3..5], 16)},{Convert.ToInt32(colour[5..7], 16)},0.15)")
            : "rgba(0,0,0,0.1)";
}
