using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Results;
using Research.Reporting.Tables;

namespace Research.Reporting.Tests;

public sealed class ReportTableTests
{
    private static readonly ResultTable Table = new(
        "itt",
        "Effects <by arm>",
        [
            new ResultColumn("arm", ColumnKind.Label, "Arm"),
            new ResultColumn("horizon", ColumnKind.Label, "Month"),
            new ResultColumn("estimate", ColumnKind.Estimate, "Effect", ValueUnit.Share),
            new ResultColumn("ci_low", ColumnKind.Limit, "95% CI, lower", ValueUnit.Share),
            new ResultColumn("ci_high", ColumnKind.Limit, "95% CI, upper", ValueUnit.Share),
            new ResultColumn("p", ColumnKind.PValue, "p"),
            new ResultColumn("n", ColumnKind.Count, "Persons"),
            new ResultColumn("control_mean", ColumnKind.Share, "Control share", ValueUnit.Share, "n"),
            new ResultColumn("df", ColumnKind.DegreesOfFreedom, "df"),
        ],
        [
            new ResultRow("a", new Dictionary<string, string> { ["arm"] = "Zelf & actie", ["horizon"] = "16" },
                new Dictionary<string, double?> { ["estimate"] = 0.052, ["ci_low"] = -0.031, ["ci_high"] = 0.135, ["p"] = 0.0004, ["n"] = 1234, ["control_mean"] = null, ["df"] = null })
            {
                Disclosure = new Dictionary<string, string> { ["control_mean"] = DisclosureRule.ShareMinimumCount.Key },
            },
            new ResultRow("b", new Dictionary<string, string> { ["arm"] = "Werken loont", ["horizon"] = "24" },
                new Dictionary<string, double?> { ["estimate"] = null, ["ci_low"] = null, ["ci_high"] = null, ["p"] = null, ["n"] = null, ["control_mean"] = 0.2 })
            {
                Disclosure = new Dictionary<string, string> { ["estimate"] = "model_support", ["ci_low"] = "model_support", ["ci_high"] = "model_support", ["p"] = "model_support", ["n"] = "minimum_count" },
            },
        ],
        ["HC2 standard errors."]);

    [Fact]
    public void An_unknown_column_is_an_error_never_a_blank()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => new ReportTable(Table, ["arm", "p_hlom"]));

        Assert.Contains("p_hlom", e.Message, StringComparison.Ordinal);
        Assert.Contains("control_mean", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Withheld_cells_name_their_rule_not_available_and_not_applicable_cells_differ()
    {
        var html = new ReportTable(Table).ToHtml();

        Assert.Contains("data-kind=\"count\" data-column=\"n\">– a</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"share\" data-column=\"control_mean\">– b</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"estimate\" data-column=\"estimate\">– c</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li>– a: withheld, fewer than 10 persons.</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>– b: withheld, fewer than 10 persons with or without the status", html, StringComparison.Ordinal);
        Assert.Contains("<li>– c: withheld, a model estimate resting on a group of fewer than 10 persons", html, StringComparison.Ordinal);
        Assert.Contains("data-column=\"df\">n/a</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-column=\"df\"></td>", html, StringComparison.Ordinal);
        Assert.Contains("Effects &lt;by arm&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Zelf &amp; actie", html, StringComparison.Ordinal);
        Assert.Contains("<li>HC2 standard errors.</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_limits_read_as_one_interval_in_percentage_points_with_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            var text = new ReportTable(Table, ["arm", "estimate", "ci_low", "ci_high", "p", "n"]).ToString();
            Assert.StartsWith("Effects <by arm>\nArm\tEffect (pp)\t95% CI (pp)\tp\tPersons\nZelf & actie\t+5.2\t-3.1 to +13.5\t< 0.001\t1,234\n", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Highlighted_rows_are_marked_and_explained_and_filters_select_rows()
    {
        var view = new ReportTable(Table, ["arm", "horizon", "estimate"]).Highlight(r => r.Label("horizon") == "16", "main horizon: month 16.");
        var html = view.ToHtml();

        Assert.Contains("<tr class=\"highlight\"><td class=\"label\">◆ Zelf &amp; actie", html, StringComparison.Ordinal);
        Assert.Contains("<li>◆ main horizon: month 16.</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Zelf", view.Where(r => r.Key == "b").ToString(), StringComparison.Ordinal);
    }
}
