using Plotly.NET;

namespace Research.Analysis.Reports;

/// <summary>One line of a chart.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Values.</param>
/// <param name="Step">Draw as a step function (survival curves).</param>
internal sealed record ChartLine(string Name, double[] X, double[] Y, bool Step = false);

/// <summary>
/// The report's Plotly charts: lines per arm, optionally with a shaded period. Traces and layout are set as plotly.js
/// attributes, because Plotly.NET's F# optional arguments are not optional from C#.
/// </summary>
internal static class ReportCharts
{
    /// <summary>A line chart with one line per arm and, when given, a shaded band of the horizontal axis.</summary>
    public static GenericChart Lines(string title, string xTitle, string yTitle, IReadOnlyList<ChartLine> lines, (double From, double To, string Label)? shaded = null)
    {
        var traces = lines.Select(l =>
        {
            var trace = new Trace2D("scatter");
            trace.SetProperty("x", l.X);
            trace.SetProperty("y", l.Y);
            trace.SetProperty("name", l.Name);
            trace.SetProperty("mode", l.Step || l.X.Length > 12 ? "lines" : "lines+markers");
            trace.SetProperty("line", new Dictionary<string, object> { ["shape"] = l.Step ? "hv" : "linear" });
            return GenericChart.ofTraceObject(true, trace);
        }).ToList();
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        var xaxis = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = xTitle }, ["zeroline"] = false };
        if (lines.All(l => l.X.Length < 12 && l.X.All(x => x == Math.Floor(x))))
        {
            // Few whole-number positions (survey waves): no ticks between them.
            xaxis["dtick"] = 1;
        }

        layout.SetProperty("xaxis", xaxis);
        layout.SetProperty("yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = yTitle }, ["rangemode"] = "tozero" });
        layout.SetProperty("width", 900);
        layout.SetProperty("height", 420);
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 });
        if (shaded is { } band)
        {
            layout.SetProperty("shapes", new[]
            {
                new Dictionary<string, object>
                {
                    ["type"] = "rect", ["xref"] = "x", ["yref"] = "paper", ["x0"] = band.From, ["x1"] = band.To, ["y0"] = 0, ["y1"] = 1,
                    ["fillcolor"] = "rgba(120,120,120,0.15)", ["line"] = new Dictionary<string, object> { ["width"] = 0 }, ["layer"] = "below",
                },
            });
            layout.SetProperty("annotations", new[]
            {
                new Dictionary<string, object>
                {
                    ["x"] = (band.From + band.To) / 2, ["y"] = 1, ["xref"] = "x", ["yref"] = "paper", ["yanchor"] = "bottom", ["text"] = band.Label, ["showarrow"] = false,
                },
            });
        }

        return GenericChart.addLayout(layout, GenericChart.combine(traces));
    }
}
