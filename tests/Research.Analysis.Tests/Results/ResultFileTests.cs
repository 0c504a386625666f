using System.Globalization;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Results;

public sealed class ResultFileTests
{
    private static ResultFile Sample(double estimate = 0.0712, double? se = 0.0231) => new("utrecht", "municipal",
    [
        new ResultTable("itt", "Intent-to-treat effects", [
            new ResultRow("met_extra_hulp|partial_full_outflow|16",
                new Dictionary<string, string> { ["arm"] = "Met extra hulp in actie" },
                new Dictionary<string, double?> { [ResultValue.Estimate] = estimate, [ResultValue.StandardError] = se, [ResultValue.N] = 351 }),
        ], ["HC2 standard errors."]),
    ]);

    [Fact]
    public void Round_trips_through_json_with_identical_bytes()
    {
        var path = Path.GetTempFileName();
        Sample().Save(path);

        var again = ResultFile.Load(path);

        Assert.Equal(File.ReadAllText(path), again.ToJson());
        Assert.Equal(0.0712, again["itt"]["met_extra_hulp|partial_full_outflow|16"][ResultValue.Estimate]);
    }

    [Fact]
    public void Json_does_not_depend_on_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            Assert.Contains("0.0712", Sample().ToJson());
            Assert.DoesNotContain("0,0712", Sample().ToJson());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Non_finite_numbers_never_reach_a_file()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Sample(double.NaN).ToJson());

        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void Comparison_names_site_table_row_and_value()
    {
        var differences = ResultComparison.Compare(Sample(), Sample(0.0712 * (1 + 1e-6)));

        var d = Assert.Single(differences);
        Assert.Equal(("utrecht", "itt", "met_extra_hulp|partial_full_outflow|16", "estimate"), (d.Site, d.Table, d.Row, d.Value));
        Assert.Contains("relative difference", d.Problem);
    }

    [Fact]
    public void Comparison_accepts_differences_within_tolerance_and_reports_suppression_changes()
    {
        Assert.Empty(ResultComparison.Compare(Sample(), Sample(0.0712 * (1 + 1e-12))));
        Assert.Contains("suppressed", ResultComparison.Compare(Sample(), Sample(se: null)).Single().Problem);
    }

    [Fact]
    public void A_malformed_file_names_the_property()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":[{\"name\":\"itt\",\"title\":\"t\",\"footnotes\":[],\"rows\":[{\"key\":\"a\",\"labels\":{},\"values\":{\"estimate\":\"high\"}}]}]}");

        var e = Assert.Throws<InvalidDataException>(() => ResultFile.Load(path));

        Assert.Contains("itt.rows[0].values.estimate", e.Message);
    }
}
