using System.Text.Json.Nodes;
using Research.Scales.Instruments;
using Research.Scales.Tests.Instruments;

namespace Research.Scales.Tests.Scoring;

/// <summary>
/// Prorating of partially answered scales where the instrument allows it (a declared rule with a minimum share
/// answered), and unchanged complete-item scoring where the rules forbid it or no rule is known.
/// </summary>
public class ProratingTests
{
    [Fact]
    public void Gse_sum_is_prorated_from_seven_of_ten_items()
    {
        var gse = ShippedInstruments.Get("gse");
        var rule = gse.Score("sum").Missing;

        var s = TestResponses.Score("gse",
            [1, 2, 3, 4, 1, 2, 3, 4, 1, 2],
            [4, 4, 3, 3, 2, 2, 1, null, null, null],
            [4, 4, 3, 3, 2, 2, null, null, null, null]);

        Assert.Equal(MissingHandling.Prorate, rule.Handling);
        Assert.Equal(0.7, rule.MinimumShareAnswered);
        Assert.Equal(7, rule.MinimumAnswered);
        Assert.Equal(BasisStatus.Inferred, rule.Basis.Status);
        Assert.Equal(23.0, s["sum"][0].Value!.Value, 12);                     // complete: the plain sum
        Assert.Equal(19.0 / 7 * 10, s["sum"][1].Value!.Value, 12);           // 7 answered: 10 × their mean
        Assert.Equal(10 * s["mean"][1].Value!.Value, s["sum"][1].Value!.Value, 12);
        Assert.Null(s["sum"][2].Value);
        Assert.StartsWith("6 of 10 items answered; at least 7 required", s["sum"][2].MissingReason);
    }

    [Theory]
    [InlineData("pearlin_mastery", "total")]   // LASA: no imputation, any missing item makes the score missing
    [InlineData("who5", "raw")]                // no rule found: complete items required
    [InlineData("swls", "total")]
    [InlineData("rses", "total")]
    public void Instruments_without_a_prorating_rule_keep_complete_item_scoring(string id, string score)
    {
        var instrument = ShippedInstruments.Get(id);
        var k = instrument.Score(score).Items.Count;
        var answers = Enumerable.Range(0, k).Select(j => j == 0 ? (int?)null : 2).ToArray();

        var s = TestResponses.Score(id, answers);

        Assert.Equal(MissingHandling.None, instrument.Score(score).Missing.Handling);
        Assert.Null(s[score][0].Value);
    }

    [Fact]
    public void De_Jong_Gierveld_counts_without_prorating()
    {
        var s = TestResponses.Score("djg6", [3, null, 1, 1, 3, 2]);

        Assert.Equal(3.0, s["total"][0].Value); // 5 of 6 answered: the count of the answered items, not 6/5 of it
    }

    [Fact]
    public void Every_prorating_rule_is_backed_by_a_source()
    {
        var prorated = ShippedInstruments.Catalog.Instruments.SelectMany(i => i.Scores)
            .Where(s => s.Missing.Handling == MissingHandling.Prorate).ToList();

        Assert.NotEmpty(prorated);
        Assert.All(prorated, s => Assert.True(s.Missing.Basis.Status is BasisStatus.Sourced or BasisStatus.Inferred, s.Id));
    }

    [Theory]
    [InlineData(0.75, 4)]
    [InlineData(0.7, 4)]
    [InlineData(0.6, 3)]
    [InlineData(0.5, 3)]
    [InlineData(1.0, 5)]
    public void A_share_is_rounded_up_to_whole_items(double share, int expected)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedInstruments.Directory, "who5.json")))!.AsObject();
        var missing = doc["scores"]![0]!["missing"]!.AsObject();
        missing.Remove("minimumAnswered");
        missing["minimumShareAnswered"] = share;
        missing["handling"] = "prorate";
        missing["basis"] = JsonNode.Parse("{\"status\": \"convention\", \"note\": \"test\"}");

        var instrument = Instrument.Parse(doc.ToJsonString(), "who5-share.json");

        Assert.Equal(5, instrument.Scores[0].Items.Count);
        Assert.Equal(expected, instrument.Scores[0].Missing.MinimumAnswered);
    }

    [Fact]
    public void Giving_both_a_count_and_a_share_is_an_error()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedInstruments.Directory, "who5.json")))!.AsObject();
        doc["scores"]![0]!["missing"]!["minimumShareAnswered"] = 0.8;

        var e = Assert.Throws<InstrumentFormatException>(() => Instrument.Parse(doc.ToJsonString(), "both.json"));

        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }
}
