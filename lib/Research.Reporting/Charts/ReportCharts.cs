using System.Globalization;
using Plotly.NET;

namespace Research.Reporting.Charts;

/// <summary>
/// Draws <see cref="LineChart"/>s with Plotly. Traces and layout are set as plotly.js attributes, because Plotly.NET's F#
/// optional arguments are not optional from C#. Bands are drawn as filled shapes between the limits; every trace of a
/// share carries its base counts as <c>customdata</c> and <c>meta.kind = "share"</c>, so the data embedded in a report
/// says what each point rests on.
/// </summary>
public static class ReportCharts
{
    /// <summary>The Plotly chart of <paramref name="chart"/>.</summary>
    public static GenericChart Draw(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var traces = SeriesTraces(chart, "x", "y", legend: true);

        // Spans get legend entries (a square of their colour) rather than labels that would overlap on the chart.
        foreach (var (label, kind) in chart.Spans.Where(s => s.Label.Length > 0).Select(s => (s.Label, s.Kind)).Distinct())
        {
            var key = new Trace2D("scatter");
            key.Set("x", new object?[] { null });
            key.Set("y", new object?[] { null });
            key.Set("name", label);
            key.Set("mode", "markers");
            key.Set("hoverinfo", "skip");
            key.Set("marker", new Dictionary<string, object> { ["symbol"] = "square", ["size"] = 14, ["color"] = Palette.Span(kind, legend: true) });
            traces.Add(key);
        }

        var layout = new Layout();
        // The note (what bands and shading mean) is a subtitle, so it never collides with the legend.
        var heading = System.Net.WebUtility.HtmlEncode(chart.Title).Replace("\n", "<br>", StringComparison.Ordinal);
        var title = chart.Note is null ? heading : $"{heading}<br><sub>{System.Net.WebUtility.HtmlEncode(chart.Note)}</sub>";
        layout.Set("title", new Dictionary<string, object> { ["text"] = title, ["font"] = new Dictionary<string, object> { ["size"] = 15 }, ["x"] = 0, ["xref"] = "paper", ["xanchor"] = "left" });
        var span = chart.Series.SelectMany(s => s.X).DefaultIfEmpty(0).Max() - chart.Series.SelectMany(s => s.X).DefaultIfEmpty(0).Min();
        layout.Set("xaxis", new Dictionary<string, object>
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

        layout.Set("yaxis", yaxis);
        layout.Set("height", 460);
        layout.Set("width", Width);
        var lines = chart.Title.Count(c => c == '\n') + 1 + (chart.Note is null ? 0 : 1);
        layout.Set("margin", new Dictionary<string, object> { ["t"] = 30 + (25 * lines), ["l"] = 70, ["r"] = 20, ["b"] = 110 });
        layout.Set("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.22 });
        layout.Set("shapes", chart.Spans.Select(s => (object)new Dictionary<string, object>
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
        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, traces));
    }

    /// <summary>
    /// Small multiples: the panels in a grid of <paramref name="columns"/> columns in one figure, each with its own axes
    /// and title, one legend for all (the series of every panel share names and colours). One figure instead of many
    /// keeps a report with many instruments quick to write and easy to compare.
    /// </summary>
    public static GenericChart Grid(string title, string note, IReadOnlyList<LineChart> panels, int columns)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var rows = (panels.Count + columns - 1) / columns;
        var traces = new List<Trace>();
        var layout = new Layout();
        var annotations = new List<object>();
        const double gapX = 0.06, gapY = 0.09;
        for (var k = 0; k < panels.Count; k++)
        {
            var (row, column) = (k / columns, k % columns);
            var suffix = k == 0 ? string.Empty : (k + 1).ToString(CultureInfo.InvariantCulture);
            traces.AddRange(SeriesTraces(panels[k], "x" + suffix, "y" + suffix, legend: k == 0));
            var x0 = ((double)column / columns) + (column == 0 ? 0 : gapX / 2);
            var x1 = ((column + 1.0) / columns) - (column == columns - 1 ? 0 : gapX / 2);
            var y1 = 1 - ((double)row / rows) - (gapY / 2);
            var y0 = 1 - ((row + 1.0) / rows) + (gapY / 2);
            var whole = panels[k].Series.SelectMany(s => s.X).DefaultIfEmpty(0);
            layout.Set("xaxis" + suffix, new Dictionary<string, object>
            {
                ["domain"] = new[] { x0, x1 },
                ["anchor"] = "y" + suffix,
                ["dtick"] = whole.Max() - whole.Min() <= 12 ? 1 : 6,
                ["zeroline"] = false,
                ["title"] = new Dictionary<string, object> { ["text"] = panels[k].XTitle, ["font"] = new Dictionary<string, object> { ["size"] = 11 } },
            });
            layout.Set("yaxis" + suffix, new Dictionary<string, object>
            {
                ["domain"] = new[] { y0, y1 },
                ["anchor"] = "x" + suffix,
                ["title"] = new Dictionary<string, object> { ["text"] = panels[k].YTitle, ["font"] = new Dictionary<string, object> { ["size"] = 11 } },
            });
            annotations.Add(new Dictionary<string, object>
            {
                ["text"] = System.Net.WebUtility.HtmlEncode(panels[k].Title).Replace("\n", "<br>", StringComparison.Ordinal),
                ["x"] = (x0 + x1) / 2,
                ["y"] = y1,
                ["xref"] = "paper",
                ["yref"] = "paper",
                ["xanchor"] = "center",
                ["yanchor"] = "bottom",
                ["showarrow"] = false,
                ["font"] = new Dictionary<string, object> { ["size"] = 11 },
            });
        }

        layout.Set("title", new Dictionary<string, object>
        {
            ["text"] = $"{System.Net.WebUtility.HtmlEncode(title)}<br><sub>{System.Net.WebUtility.HtmlEncode(note)}</sub>",
            ["font"] = new Dictionary<string, object> { ["size"] = 15 },
            ["x"] = 0,
            ["xref"] = "paper",
            ["xanchor"] = "left",
        });
        layout.Set("annotations", annotations.ToArray());
        layout.Set("width", Width);
        layout.Set("height", 120 + (rows * 290));
        layout.Set("margin", new Dictionary<string, object> { ["t"] = 110, ["l"] = 60, ["r"] = 20, ["b"] = 60 });
        layout.Set("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = 1.0, ["yanchor"] = "bottom", ["yref"] = "container" });
        // One chart of all traces: wrapping each trace in a chart and combining them merged a default layout per trace
        // into the next (the wellbeing grid's 36 traces: about 60 of its 70 ms), for the same figure JSON.
        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, traces));
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

    private static List<Trace> SeriesTraces(LineChart chart, string xaxis, string yaxis, bool legend)
    {
        var scale = chart.Scale == AxisScale.PercentagePoints ? 100.0 : 1.0;
        var traces = new List<Trace>();
        foreach (var series in chart.Series)
        {
            if (series.Lower is { } lower && series.Upper is { } upper && Band(series, lower, upper, scale) is { } band)
            {
                // One trace for the whole band: a closed shape per run of published points, runs apart (a fill across a gap
                // would draw a band where nothing is published). One trace, not two per run, keeps the figure small.
                var trace = new Trace2D("scatter");
                trace.Set("xaxis", xaxis);
                trace.Set("yaxis", yaxis);
                trace.Set("x", band.X);
                trace.Set("y", band.Y);
                trace.Set("name", series.Name + " (95% CI)");
                trace.Set("legendgroup", series.Name);
                trace.Set("showlegend", false);
                trace.Set("mode", "lines");
                trace.Set("fill", "toself");
                trace.Set("fillcolor", Fade(series.Colour));
                trace.Set("line", new Dictionary<string, object> { ["width"] = 0 });
                trace.Set("hoverinfo", "skip");
                traces.Add(trace);
            }

            traces.Add(Trace(series.Name, series.X, Scaled(series.Y, scale), series, legend, xaxis, yaxis));
        }

        return traces;
    }

    // The band's outline: each run's upper limits forwards and lower limits backwards, runs separated by a gap.
    private static (object?[] X, object?[] Y)? Band(ChartSeries series, IReadOnlyList<double?> lower, IReadOnlyList<double?> upper, double scale)
    {
        var x = new List<object?>();
        var y = new List<object?>();
        foreach (var run in Runs(series.X, series.Y, lower, upper))
        {
            if (x.Count > 0)
            {
                x.Add(null);
                y.Add(null);
            }

            x.AddRange(run.Select(i => (object?)series.X[i]).Concat(run.AsEnumerable().Reverse().Select(i => (object?)series.X[i])));
            y.AddRange(run.Select(i => (object?)(upper[i]!.Value * scale)).Concat(run.AsEnumerable().Reverse().Select(i => (object?)(lower[i]!.Value * scale))));
        }

        return x.Count == 0 ? null : (x.ToArray(), y.ToArray());
    }

    private static Trace2D Trace(string name, IReadOnlyList<double> x, object?[] y, ChartSeries series, bool legend, string xaxis, string yaxis)
    {
        var trace = new Trace2D("scatter");
        trace.Set("xaxis", xaxis);
        trace.Set("yaxis", yaxis);
        trace.Set("x", x.ToArray());
        trace.Set("y", y);
        trace.Set("name", name);
        trace.Set("showlegend", legend);
        trace.Set("connectgaps", false);
        trace.Set("legendgroup", series.Name);
        trace.Set("line", new Dictionary<string, object> { ["color"] = series.Colour, ["width"] = 2 });
        trace.Set("mode", x.Count <= 12 || series.Cumulative ? "lines+markers" : "lines");
        if (series.BaseCounts is { } counts)
        {
            trace.Set("customdata", counts.Select(c => (object?)c).ToArray());
            trace.Set("meta", new Dictionary<string, object> { ["kind"] = series.Cumulative ? "cumulative_share" : "share" });
            trace.Set("hovertemplate", "%{y} (n = %{customdata})<extra>" + System.Net.WebUtility.HtmlEncode(series.Name) + "</extra>");
        }

        return trace;
    }

    private static object?[] Scaled(IReadOnlyList<double?> values, double scale) => values.Select(v => v is { } d ? (object)(d * scale) : null).ToArray();

    private static string Fade(string colour) =>
        colour.Length == 7 && colour[0] == '#'
            ? string.Create(CultureInfo.InvariantCulture, $"rgba({Convert.ToInt32(colour[1..3], 16)},{Convert.ToInt32(colour[3..5], 16)},{Convert.ToInt32(colour[5..7], 16)},0.15)")
            : "rgba(0,0,0,0.1)";
}
