using System.Globalization;
using Research.Analysis.Reports;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Reports;

public sealed class ReportTableTests
{
    private static readonly ResultTable Table = new(
        "itt",
        "Effects <by arm>",
        [
            new ResultRow("a", new Dictionary<string, string> { ["arm"] = "Zelf & actie" }, new Dictionary<string, double?> { ["estimate"] = 0.12345, ["p"] = 0.0004, ["n"] = 1234 }),
            new ResultRow("b", new Dictionary<string, string> { ["arm"] = "Werken loont" }, new Dictionary<string, double?> { ["estimate"] = null, ["p"] = null, ["n"] = null }),
        ],
        ["Cells based on fewer than 10 persons are withheld."]);

    [Fact]
    public void Html_shows_withheld_cells_as_an_en_dash_and_keeps_footnotes()
    {
        var html = new ReportTable(Table).ToHtml();
        Assert.Contains("<td style=\"text-align:right;white-space:nowrap\">–</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Cells based on fewer than 10 persons are withheld.</li>", html, StringComparison.Ordinal);
        Assert.Contains("Effects &lt;by arm&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Zelf &amp; actie", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_formatted_with_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            var table = new ReportTable(Table);
            Assert.Equal("0.123", table.Format("estimate", 0.12345));
            Assert.Equal("< 0.001", table.Format("p", 0.0004));
            Assert.Equal("0.040", table.Format("p_holm", 0.04));
            Assert.Equal("1,234", table.Format("n", 1234));
            Assert.Equal("–", table.Format("n_arm", null));
            Assert.Contains("0.123\t< 0.001\t1,234", table.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Chosen_columns_are_shown_in_the_given_order()
    {
        var text = new ReportTable(Table, ["arm"], ["n", "estimate"]).ToString();
        Assert.StartsWith("Effects <by arm>\narm\tn\testimate\nZelf & actie\t1,234\t0.123\n", text, StringComparison.Ordinal);
    }
}
