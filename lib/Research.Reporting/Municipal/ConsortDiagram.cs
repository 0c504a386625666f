using System.Globalization;
using System.Text;
using Research.Analysis.Results;
using Research.Data.Design;
using Research.Reporting.Tables;

namespace Research.Reporting.Municipal;

/// <summary>
/// A CONSORT-style flow diagram drawn from the disclosure-controlled <c>flow</c> table: invited and randomised on top,
/// then one column per arm with its stages. Withheld counts show as an en dash, as in the tables.
/// </summary>
/// <param name="Flow">The published flow table.</param>
/// <param name="Experiment">The experiment (for arm names and order).</param>
public sealed record ConsortDiagram(ResultTable Flow, Experiment Experiment)
{
    /// <summary>The diagram as HTML.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"consort\">");
        html.Append(Box("Invited", Count("invited"), "consort-top")).Append(Arrow);
        html.Append(Box("Randomised", Count("randomised"), "consort-top")).Append(Arrow);
        html.Append("<div class=\"consort-arms\">");
        foreach (var arm in Experiment.Arms)
        {
            html.Append("<div class=\"consort-arm\">");
            html.Append(Box($"{arm.NameNl}", Count($"randomised|{arm.Code}"), "consort-arm-name"));
            if (arm.IsControl)
            {
                // The control arm has no take-up stage; a box keeps its later stages level with the other arms'.
                html.Append(Arrow).Append(Box("Regular regime (no intervention to take up)", string.Empty, string.Empty));
            }

            foreach (var row in Flow.Rows.Where(r => r.Label("arm") == arm.Code && r.Label("stage") != "randomised"))
            {
                html.Append(Arrow).Append(Box(row.Label("stage_label"), Show(row), string.Empty));
            }

            html.Append("</div>");
        }

        return html.Append("</div></div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('\n', Flow.Rows.Select(r => $"{r.Label("stage_label")} [{r.Label("arm")}]: {Show(r)}"));

    private const string Arrow = "<div class=\"consort-arrow\">&#8595;</div>";

    private string Count(string key) => Flow.Rows.FirstOrDefault(r => r.Key == key) is { } row ? Show(row) : ValueFormatter.Missing;

    private static string Show(ResultRow row) => row[ResultValue.N] is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : ValueFormatter.Missing;

    private static string Box(string label, string count, string cssClass) =>
        $"<div class=\"consort-box {cssClass}\">{Html.Encode(label)}<br/><b>{(count.Length == 0 ? "&#160;" : "n = " + Html.Encode(count))}</b></div>";
}
