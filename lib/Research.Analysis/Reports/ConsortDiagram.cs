using System.Net;
using System.Text;
using Research.Analysis.Results;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>
/// A CONSORT-style flow diagram drawn from the disclosure-controlled <c>flow</c> table: invited and randomised on top,
/// then one column per arm with its stages. Withheld counts show as an en dash, as in the tables.
/// </summary>
/// <param name="Flow">The flow table of <see cref="DesignSection"/>.</param>
/// <param name="Experiment">The experiment (for arm names and order).</param>
public sealed record ConsortDiagram(ResultTable Flow, Experiment Experiment)
{
    private const string Box = "border:1px solid #555;border-radius:4px;padding:4px 8px;margin:2px auto;background:#f7f7f7;font-size:12px;text-align:center";
    private const string Arrow = "<div style=\"text-align:center;color:#555\">&#8595;</div>";

    /// <summary>The diagram as HTML.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"consort\" style=\"font-family:sans-serif;max-width:1100px\">");
        html.Append(BoxHtml("Invited", Count("invited"), "width:40%")).Append(Arrow);
        html.Append(BoxHtml("Randomised", Count("randomised"), "width:40%")).Append(Arrow);
        html.Append("<div style=\"display:flex;gap:8px;justify-content:center\">");
        foreach (var arm in Experiment.Arms)
        {
            html.Append("<div style=\"flex:1\">");
            html.Append("<div style=\"").Append(Box).Append(";background:#dde8f3;font-weight:bold\">").Append(Encode(arm.NameNl)).Append("<br/>")
                .Append(Count($"randomised|{arm.Code}")).Append("</div>");
            if (arm.IsControl)
            {
                // The control arm has no take-up stage; a box keeps its later stages level with the other arms'.
                html.Append(Arrow).Append(BoxHtml("Regular regime (no intervention to take up)", "", string.Empty));
            }

            foreach (var row in Flow.Rows.Where(r => r.Labels["arm"] == arm.Code && r.Labels["stage"] != "randomised"))
            {
                html.Append(Arrow).Append(BoxHtml(row.Labels["stage_label"], Show(row), string.Empty));
            }

            html.Append("</div>");
        }

        return html.Append("</div></div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('\n', Flow.Rows.Select(r => $"{r.Labels["stage_label"]} [{r.Labels["arm"]}]: {Show(r)}"));

    private string Count(string key) => Flow.Rows.FirstOrDefault(r => r.Key == key) is { } row ? Show(row) : ReportTable.Withheld;

    private static string Show(ResultRow row) => row[ResultValue.N] is { } n ? n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : ReportTable.Withheld;

    private static string BoxHtml(string label, string count, string style) =>
        $"<div style=\"{Box};{style}\">{Encode(label)}<br/><b>{(count.Length == 0 ? "&#160;" : "n = " + Encode(count))}</b></div>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
