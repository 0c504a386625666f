using System.Globalization;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Results;

public sealed class ResultFileTests
{
    private static readonly ResultColumn[] Columns =
    [
        new("arm", ColumnKind.Label, "Arm"),
        new(ResultValue.Estimate, ColumnKind.Estimate, "Effect", ValueUnit.Share),
        new(ResultValue.StandardError, ColumnKind.Spread, "Standard error", ValueUnit.Share),
        new(ResultValue.N, ColumnKind.Count, "Persons"),
        new("control_mean", ColumnKind.Share, "Control share", ValueUnit.Share, ResultValue.N),
    ];

    private static ResultFile Sample(double estimate = 0.0712, double? se = 0.0231, string? seRule = null) => new("utrecht", "municipal",
    [
        new ResultTable("itt", "Intent-to-treat effects", Columns, [
            new ResultRow("met_extra_hulp|partial_full_outflow|16",
                new Dictionary<string, string> { ["arm"] = "Met extra hulp in actie" },
                new Dictionary<string, double?> { [ResultValue.Estimate] = estimate, [ResultValue.StandardError] = se, [ResultValue.N] = 351, ["control_mean"] = null })
            {
                Disclosure = seRule is null
                    ? new Dictionary<string, string> { ["control_mean"] = "minimum_count_share" }
                    : new Dictionary<string, string> { ["control_mean"] = "minimum_count_share", [ResultValue.StandardError] = seRule },
            },
        ], ["HC2 standard errors."]),
    ])
    { DisclosureRules = new Dictionary<string, string> { ["minimum_count_share"] = "fewer than 10 persons with or without the status" } };

    [Fact]
    public void Round_trips_through_json_with_identical_bytes()
    {
        var path = Path.GetTempFileName();
        Sample().Save(path);

        var again = ResultFile.Load(path);

        Assert.Equal(File.ReadAllText(path), again.ToJson());
        var row = again["itt"]["met_extra_hulp|partial_full_outflow|16"];
        Assert.Equal(0.0712, row[ResultValue.Estimate]);
        Assert.True(row.IsWithheld("control_mean"));
        Assert.Equal(ColumnKind.Share, again["itt"].Column("control_mean").Kind);
        Assert.Equal(ResultValue.N, again["itt"].Column("control_mean").Base);
        Assert.Equal(ValueUnit.Share, again["itt"].Column(ResultValue.Estimate).Unit);
        Assert.Single(again.DisclosureRules);
    }

    [Fact]
    public void A_value_or_label_outside_the_declared_columns_is_an_error_never_written()
    {
        var file = Sample();
        var table = file.Tables[0];
        var bad = file with { Tables = [table with { Rows = [table.Rows[0] with { Values = new Dictionary<string, double?>(table.Rows[0].Values) { ["n_typo"] = 3 } }] }] };

        var e = Assert.Throws<InvalidDataException>(() => bad.ToJson());

        Assert.Contains("'n_typo' is not a declared value column", e.Message);
        Assert.Throws<KeyNotFoundException>(() => table.Column("n_typo"));
    }

    [Fact]
    public void A_share_needs_a_count_column_as_its_base()
    {
        var table = Sample().Tables[0] with { Columns = [.. Columns.Where(c => c.Name != ResultValue.N), new ResultColumn(ResultValue.N, ColumnKind.Estimate, "n")] };

        Assert.Throws<InvalidDataException>(() => table.Validated());
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
        var changes = ResultComparison.Compare(Sample(), Sample(se: null, seRule: "complementary"));
        Assert.Contains(changes, d => d.Problem.Contains("suppressed", StringComparison.Ordinal));
        Assert.Contains(changes, d => d.Problem.Contains("disclosure rule 'none' in the record but 'complementary'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_file_names_the_property()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":[{\"name\":\"itt\",\"title\":\"t\",\"columns\":[{\"name\":\"estimate\",\"kind\":\"estimate\",\"header\":\"Effect\"}],\"footnotes\":[],\"rows\":[{\"key\":\"a\",\"labels\":{},\"values\":{\"estimate\":\"high\"}}]}]}");

        var e = Assert.Throws<InvalidDataException>(() => ResultFile.Load(path));

        Assert.Contains("itt.rows[0].values.estimate", e.Message);

        File.WriteAllText(path, "{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":[{\"name\":\"itt\",\"title\":\"t\",\"columns\":[{\"name\":\"n\",\"kind\":\"persons\",\"header\":\"n\"}],\"footnotes\":[],\"rows\":[]}]}");
        Assert.Contains("itt.columns[0].kind is 'persons'", Assert.Throws<InvalidDataException>(() => ResultFile.Load(path)).Message);
    }

    [Theory]
    [InlineData("{\"site\":\"x\",\"site\":\"y\",\"kind\":\"municipal\",\"tables\":[]}", "not valid JSON")]
    [InlineData("{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":{}}", "tables must be an array")]
    [InlineData("{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":[{\"name\":\"itt\",\"title\":\"t\",\"columns\":[],\"footnotes\":[],\"rows\":[{\"key\":\"a\",\"labels\":{\"arm\":null},\"values\":{}}]}]}", "itt.rows[0].labels.arm must be a string")]
    [InlineData("{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":[{\"name\":\"itt\",\"title\":\"t\",\"columns\":[],\"footnotes\":[],\"rows\":[{\"key\":\"a\",\"labels\":{},\"values\":{\"n\":1e999}}]}]}", "itt.rows[0].values.n must be a number or null")]
    [InlineData("{\"site\":\"x\",\"kind\":\"municipal\",\"tables\":[{\"name\":\"itt\",\"title\":\"t\",\"columns\":[],\"footnotes\":[],\"rows\":[7]}]}", "itt.rows[0] must be an object")]
    public void A_file_that_is_not_a_result_file_is_refused_with_the_place(string json, string expected)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, json);

        var e = Assert.Throws<InvalidDataException>(() => ResultFile.Load(path));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_read_past_and_a_null_optional_property_is_absent()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"site\":\"x\",\"kind\":\"municipal\",\"disclosure_rules\":null,\"tables\":[{\"name\":\"itt\",\"title\":\"t\","
            + "\"columns\":[{\"name\":\"n\",\"kind\":\"count\",\"header\":\"n\",\"unit\":null}],\"footnotes\":[],\"rows\":[{\"key\":\"a\",\"labels\":{},\"values\":{\"n\":12},\"disclosure\":null}]}]}",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var file = ResultFile.Load(path);

        Assert.Equal(12, file["itt"]["a"]["n"]);
        Assert.Empty(file.DisclosureRules);
        Assert.Empty(file["itt"]["a"].Disclosure);
        Assert.Equal(ValueUnit.None, file["itt"].Column("n").Unit);
    }
}
