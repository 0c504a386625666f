using System.Globalization;
using Plotly.NET;
using Research.Analysis.Reports;
using Research.Analysis.Synthesis;
using Research.Statistics.MetaAnalysis;

namespace Research.Reporting.Charts;

/// <summary>
/// Forest plots of the meta-analyses as Plotly charts (the notebook host renders them). Traces and layout are set as
/// plotly.js attributes, because Plotly.NET's F# optional arguments are not optional from C#. Effects are drawn in
/// percentage points.
/// </summary>
public static class ForestPlot
{
    private const string SiteColour = "#1f4e79";
    private const string PooledColour = "#b22222";
    private const string TruthColour = "#2e8b57";

    /// <summary>
    /// One row per site (estimate with the municipal table's 95% interval, marker size growing with its weight), the pooled estimate with its
    /// interval as a diamond, the prediction interval as a dashed line, and a vertical line at no effect. With
    /// <paramref name="truth"/> the planted effects are drawn as crosses.
    /// </summary>
    public static GenericChart Chart(TypeMetaAnalysis analysis, PlantedEffects? truth = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var c = CultureInfo.InvariantCulture;
        // Each site's interval is the municipal table's own (its small-df reference), not estimate ± 1.96·SE.
        var rows = (analysis.Fit?.ForestPlot().Studies ?? analysis.Sites.Select(s => new ForestPlotRow(s.Label, s.Estimate, s.ConfidenceInterval, 100)).ToList())
            .Select((r, i) => r with { ConfidenceInterval = analysis.Sites[i].ConfidenceInterval })
            .Select(r => r with { Estimate = 100 * r.Estimate, ConfidenceInterval = new Interval(100 * r.ConfidenceInterval.Lower, 100 * r.ConfidenceInterval.Upper) }).ToList();
        var k = rows.Count;
        var positions = Enumerable.Range(0, k).Select(i => (double)(k - i + 1)).ToArray();
        var traces = new List<Trace>
        {
            Points("Sites (95% CI)", rows.Select(r => r.Estimate).ToArray(), rows.Select(r => r.ConfidenceInterval).ToArray(), positions,
                "square", rows.Select(r => 6 + (14 * Math.Sqrt(r.WeightPercent / 100))).ToArray(), SiteColour),
        };
        var ticks = rows.Select(r => string.Create(c, $"{r.Label}  {r.WeightPercent:0.0}%")).ToList();
        var tickPositions = positions.ToList();
        if (analysis.Fit is { } fit)
        {
            traces.Add(Points(string.Create(c, $"Pooled ({analysis.Method.Key})"), [100 * fit.Estimate], [new Interval(100 * fit.ConfidenceInterval.Lower, 100 * fit.ConfidenceInterval.Upper)], [0.5], "diamond", [16], PooledColour));
            ticks.Add(string.Create(c, $"Pooled, k = {fit.K}, I² = {fit.Heterogeneity.I2:0}%"));
            tickPositions.Add(0.5);
            if (fit.PredictionInterval is { } pi)
            {
                var line = new Trace2D("scatter");
                line.Set("x", new[] { 100 * pi.Lower, 100 * pi.Upper });
                line.Set("y", new[] { 0.0, 0.0 });
                line.Set("mode", "lines");
                line.Set("name", "95% prediction interval");
                line.Set("line", new Dictionary<string, object> { ["dash"] = "dash", ["color"] = PooledColour });
                traces.Add(line);
                ticks.Add("Prediction interval");
                tickPositions.Add(0.0);
            }
        }

        if (truth is not null)
        {
            var planted = analysis.Sites.Select(truth.Itt).Select((p, i) => (p, i)).Where(x => x.p is not null).ToList();
            if (planted.Count > 0)
            {
                var marks = new Trace2D("scatter");
                marks.Set("x", planted.Select(x => 100 * x.p!.Value).ToArray());
                marks.Set("y", planted.Select(x => positions[x.i]).ToArray());
                marks.Set("mode", "markers");
                marks.Set("name", "Planted effect (truth.json)");
                marks.Set("marker", new Dictionary<string, object> { ["symbol"] = "x", ["size"] = 10, ["color"] = TruthColour });
                traces.Add(marks);
            }
        }

        var outcome = ReportOutcome.All.FirstOrDefault(o => o.Key == analysis.Outcome)?.Short ?? analysis.Outcome;
        var horizon = analysis.Horizon == TypeMetaAnalysis.PrimaryHorizon ? "each site's main horizon" : $"month {analysis.Horizon}";
        var title = string.Create(c, $"{ArmTypes.Both(analysis.Type)}: {outcome}, {horizon}<br><sub>{(analysis.Fit is null ? "a single site, not pooled" : "REML with Hartung–Knapp–Sidik–Jonkman interval")}</sub>");
        var layout = new Layout();
        layout.Set("title", new Dictionary<string, object> { ["text"] = title });
        layout.Set("xaxis", new Dictionary<string, object>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = "Intention-to-treat effect (percentage points), 95% intervals" },
            ["ticksuffix"] = " pp",
            ["zeroline"] = false,
        });
        layout.Set("yaxis", new Dictionary<string, object>
        {
            ["tickvals"] = tickPositions,
            ["ticktext"] = ticks,
            ["showgrid"] = false,
            ["zeroline"] = false,
            ["range"] = new[] { -0.7, k + 1.7 },
            ["automargin"] = true,
        });
        layout.Set("shapes", new[]
        {
            new Dictionary<string, object>
            {
                ["type"] = "line", ["xref"] = "x", ["yref"] = "paper", ["x0"] = 0, ["x1"] = 0, ["y0"] = 0, ["y1"] = 1,
                ["line"] = new Dictionary<string, object> { ["color"] = "#888888", ["width"] = 1 },
            },
        });
        layout.Set("width", 900);
        layout.Set("height", 200 + (40 * (k + 2)));
        layout.Set("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.25 });
        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, traces));
    }

    private static Trace2D Points(string name, double[] estimates, Interval[] intervals, double[] y, string symbol, double[] sizes, string colour)
    {
        var trace = new Trace2D("scatter");
        trace.Set("x", estimates);
        trace.Set("y", y);
        trace.Set("mode", "markers");
        trace.Set("name", name);
        trace.Set("marker", new Dictionary<string, object> { ["symbol"] = symbol, ["size"] = sizes, ["color"] = colour });
        trace.Set("error_x", new Dictionary<string, object>
        {
            ["type"] = "data",
            ["symmetric"] = false,
            ["array"] = estimates.Select((e, i) => intervals[i].Upper - e).ToArray(),
            ["arrayminus"] = estimates.Select((e, i) => e - intervals[i].Lower).ToArray(),
            ["color"] = colour,
            ["thickness"] = 1.5,
            ["width"] = 0,
        });
        return trace;
    }
}
