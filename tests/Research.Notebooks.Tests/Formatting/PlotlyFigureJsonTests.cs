using Plotly.NET;
using Research.Notebooks.Formatting;

namespace Research.Notebooks.Tests.Formatting;

/// <summary>The fast figure serialisation writes exactly the bytes of Plotly.NET's <c>GenericChart.toFigureJson</c>.</summary>
public sealed class PlotlyFigureJsonTests
{
    public static TheoryData<string> Kinds => ["scatter", "bar", "heatmap", "pie", "box", "grid", "nested-equal", "shared", "hostile", "bare"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Writes_the_bytes_of_toFigureJson(string kind)
    {
        var chart = Chart(kind);

        Assert.Equal(GenericChart.toFigureJson(chart), PlotlyFigureJson.Of(chart));
    }

    [Fact]
    public void A_chart_cell_output_embeds_the_same_figure()
    {
        var chart = Chart("grid");
        var bundle = FormatterRegistry.CreateDefault().Format(chart, new FormatContext());

        Assert.Equal(
            System.Text.Json.Nodes.JsonNode.Parse(GenericChart.toFigureJson(chart))!.ToJsonString(),
            bundle.GetNode(MimeBundle.PlotlyJson)!.ToJsonString());
    }

    private static GenericChart Chart(string kind) => kind switch
    {
        "scatter" => Trace("scatter", t =>
        {
            t.SetProperty("x", new[] { 1.0, 2.5, double.NaN, 4 });
            t.SetProperty("y", new object?[] { 0.1, null, 0.30000000000000004, 1e-12 });
            t.SetProperty("mode", "lines+markers");
            t.SetProperty("error_y", new Dictionary<string, object> { ["type"] = "data", ["array"] = new[] { 0.01, 0.02, 0.03, 0.04 } });
        }),
        "bar" => WithLayout(Trace("bar", t =>
        {
            t.SetProperty("x", new[] { "ontheffing", "intensivering", "vrijlating" });
            t.SetProperty("y", new[] { 12, 20, 19 });
            t.SetProperty("marker", new Dictionary<string, object> { ["color"] = "#1f77b4" });
        }), l => l.SetProperty("barmode", "group")),
        "heatmap" => Trace("heatmap", t => t.SetProperty("z", new[] { new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 } })),
        "pie" => Trace("pie", t =>
        {
            t.SetProperty("values", new[] { 10, 20, 30 });
            t.SetProperty("labels", new[] { "a", "b", "c" });
        }),
        "box" => Trace("box", t => t.SetProperty("y", Enumerable.Range(0, 50).Select(i => Math.Sin(i)).ToArray())),
        "grid" => Grid(),
        "nested-equal" => Trace("scatter", t =>
        {
            // Two structurally equal dynamic objects, one inside the other: the case where Equals-based loop
            // detection finds a "loop" that reference comparison does not (with Serialize both write it).
            var inner = new Trace2D("scatter");
            var outer = new Trace2D("scatter");
            outer.SetProperty("nested", inner);
            t.SetProperty("meta", outer);
            t.SetProperty("customdata", new Trace2D("scatter"));
        }),
        "shared" => Shared(),
        "hostile" => Trace("scatter", t =>
        {
            t.SetProperty("name", "</script><script>alert('x')</script>\u2028\"quoted\" é ü 漢");
            t.SetProperty("x", new[] { 1 });
        }),
        _ => Trace("scatter", _ => { }),
    };

    private static GenericChart Trace(string type, Action<Trace2D> set)
    {
        var trace = new Trace2D(type);
        set(trace);
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart WithLayout(GenericChart chart, Action<Layout> set)
    {
        var layout = new Layout();
        set(layout);
        return GenericChart.addLayout(layout, chart);
    }

    private static GenericChart Grid()
    {
        var charts = new List<GenericChart>();
        for (var k = 0; k < 4; k++)
        {
            var axis = k == 0 ? string.Empty : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            charts.Add(Trace("scatter", t =>
            {
                t.SetProperty("x", Enumerable.Range(-12, 49).ToArray());
                t.SetProperty("y", Enumerable.Range(-12, 49).Select(m => m * 0.01).ToArray());
                t.SetProperty("xaxis", "x" + axis);
                t.SetProperty("yaxis", "y" + axis);
            }));
        }

        return WithLayout(GenericChart.combine(charts), l =>
        {
            l.SetProperty("grid", new Dictionary<string, object> { ["rows"] = 2, ["columns"] = 2, ["pattern"] = "independent" });
            l.SetProperty("annotations", new object[] { new Dictionary<string, object> { ["text"] = "panel", ["font"] = new Dictionary<string, object> { ["size"] = 11 } } });
            l.SetProperty("title", new Dictionary<string, object> { ["text"] = "Trends" });
        });
    }

    private static GenericChart Shared()
    {
        // One font object referenced from two places.
        var font = new Dictionary<string, object> { ["size"] = 11 };
        return WithLayout(Trace("scatter", t => t.SetProperty("textfont", font)), l => l.SetProperty("font", font));
    }
}
