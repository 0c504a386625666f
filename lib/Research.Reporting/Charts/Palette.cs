namespace Research.Reporting.Charts;

/// <summary>Colours that stay apart in print and for colour-blind readers (Okabe–Ito), one per arm in design order.</summary>
public static class Palette
{
    private static readonly string[] Colours = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

    /// <summary>The colour of the <paramref name="index"/>-th arm (the control arm, first, is black).</summary>
    public static string Arm(int index) => Colours[index % Colours.Length];

    /// <summary>The colour of a span of <paramref name="kind"/>: faint on the chart, stronger as its legend key.</summary>
    public static string Span(SpanKind kind, bool legend = false)
    {
        var alpha = legend ? "0.45" : kind == SpanKind.Withheld ? "0.22" : "0.10";
        return kind switch
        {
            SpanKind.Intervention => $"rgba(0,114,178,{alpha})",
            SpanKind.Covid => $"rgba(213,94,0,{alpha})",
            SpanKind.Withheld => $"rgba(90,90,90,{alpha})",
            _ => $"rgba(120,120,120,{alpha})",
        };
    }
}
