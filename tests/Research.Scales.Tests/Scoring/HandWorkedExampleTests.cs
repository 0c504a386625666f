using Research.Scales.Instruments;
using Research.Scales.Responses;
using Research.Scales.Scoring;
using Research.Scales.Tests.Instruments;

namespace Research.Scales.Tests.Scoring;

/// <summary>The (derived) test vectors of instruments.md, worked by hand from the cited scoring rules.</summary>
public class HandWorkedExampleTests
{
    [Fact]
    public void Who5_vectors()
    {
        var s = TestResponses.Score("who5", [3, 3, 3, 3, 3], [2, 2, 2, 3, 3], [1, 1, 2, 1, 2]);
        Assert.Equal([15.0, 12.0, 7.0], s["raw"].Values.Select(v => v!.Value));
        Assert.Equal([60.0, 48.0, 28.0], s["percentage"].Values.Select(v => v!.Value));
        Assert.Equal(["not poor", "poor well-being", "poor well-being"], s["raw"].Bands["poor_wellbeing"].Select(b => b ?? "(none)"));
        Assert.Equal(["not poor", "poor well-being", "likely depression"], s["percentage"].Bands["screening"].Select(b => b ?? "(none)"));
        Assert.Equal("no item 0 or 1", s["percentage"].Band("item_screen", 0));
        Assert.Equal("depression inventory recommended (an item is 0 or 1)", s["percentage"].Band("item_screen", 2));
    }

    [Fact]
    public void Swls_vector_in_both_schemes()
    {
        var s = TestResponses.Score("swls", [5, 5, 6, 4, 3], [1, 1, 1, 1, 1]);
        Assert.Equal(23.0, s["total"][0].Value);
        Assert.Equal("slightly satisfied", s["total"][0].Band);
        Assert.Equal("average / slightly satisfied", s["total"].Band("scheme_b", 0));
        Assert.Equal("extremely dissatisfied", s["total"][1].Band);
        Assert.Null(s["total"].Band("scheme_b", 1)); // lower bands of scheme B were not retrieved
    }

    [Fact]
    public void Mhi5_vector_cbs_and_rand_agree_when_complete()
    {
        // nervous = soms, down = zelden, calm = vaak, downhearted = soms, happy = meestal (CBS answer codes 1-6)
        var s = TestResponses.Score("mhi5", [4, 5, 3, 4, 2], [4, 5, 3, 4, null]);
        Assert.Equal(68.0, s["cbs"][0].Value!.Value, 12);
        Assert.Equal(68.0, s["rand"][0].Value!.Value, 12);
        Assert.Equal("psychisch gezond (healthy)", s["cbs"][0].Band);
        Assert.Null(s["cbs"][1].Value);
        Assert.Contains("mhi5_5 empty", s["cbs"][1].MissingReason);
        // RAND: mean of the four answered recoded items: (60 + 80 + 60 + 60) / 4
        Assert.Equal(65.0, s["rand"][1].Value!.Value, 12);
    }

    [Fact]
    public void Mhi5_cut_off_operator_differs_at_60()
    {
        // scored 3 each → sum 15 → (15 − 5) × 4 = 40; need 60 → scored sum 20: use 4,4,4,4,4 in scored terms
        var s = TestResponses.Score("mhi5", [4, 4, 3, 4, 3]);
        Assert.Equal(60.0, s["cbs"][0].Value!.Value, 12);
        Assert.Equal("psychisch gezond (healthy)", s["cbs"].Band("cbs_lt60", 0));
        Assert.Equal("unhealthy (<= 60)", s["cbs"].Band("le60", 0));
    }

    [Fact]
    public void Rand36_general_health_vector()
    {
        var s = TestResponses.Score("rand36_gh", [3, 4, 2, 4, 3], [3, null, null, null, 1]);
        Assert.Equal(65.0, s["gh"][0].Value!.Value, 12);
        Assert.Equal(75.0, s["gh"][1].Value!.Value, 12); // (50 + 100) / 2, blanks skipped
        Assert.Equal(2, s["gh"][1].Answered);
    }

    [Fact]
    public void Self_rated_health_shares_the_column()
    {
        var s = TestResponses.Score("srh", [1], [3], [5]);
        Assert.Equal([100.0, 50.0, 0.0], s["score"].Values.Select(v => v!.Value));
    }

    [Fact]
    public void Gse_missing_rule()
    {
        var s = TestResponses.Score("gse",
            [3, 3, 3, 3, 3, 3, 3, 3, null, null],
            [3, 3, 3, 3, 3, 3, null, null, null, null]);
        Assert.Equal(3.0, s["mean"][0].Value);
        Assert.Equal(30.0, s["sum"][0].Value!.Value, 12); // prorated: 10 × the mean of the 8 answered items
        Assert.Null(s["sum"][1].Value);
        Assert.Null(s["mean"][1].Value);
        Assert.StartsWith("6 of 10 items answered; at least 7 required", s["mean"][1].MissingReason);
    }

    [Fact]
    public void Djg6_vector_and_missing_rule()
    {
        // items in file order: emotional 3, 9, 10 then social 4, 7, 8 (11-item numbering)
        var s = TestResponses.Score("djg6", [3, 2, 1, 1, 3, 2], [3, null, 1, 1, 3, 2]);
        Assert.Equal(4.0, s["total"][0].Value);
        Assert.Equal("moderately lonely", s["total"][0].Band);
        Assert.Equal(2.0, s["emotional"][0].Value);
        Assert.Equal(2.0, s["social"][0].Value);
        Assert.Equal(3.0, s["total"][1].Value); // not prorated
        Assert.Null(s["emotional"][1].Value);
        Assert.Equal(2.0, s["social"][1].Value);
    }

    [Fact]
    public void K10_all_soms_is_high_risk()
    {
        var s = TestResponses.Score("k10", Enumerable.Repeat<int?>(3, 10).ToArray());
        Assert.Equal(30.0, s["total"][0].Value);
        Assert.Equal("high risk", s["total"][0].Band);
    }

    [Fact]
    public void K10_imputes_missing_items_with_the_sample_item_mean()
    {
        int?[] Row(params int?[] v) => v;
        var s = TestResponses.Score("k10",
            Row(3, 3, 3, 3, 3, 3, 3, 3, 3, 3),              // scored 3 each
            Row(1, 1, 1, 1, 1, 1, 1, 1, 1, 1),              // altijd → scored 5 each
            Row(null, 9, 5, 5, 5, 5, 5, 5, 5, 5),           // two missing (9 = onbekend), others scored 1
            Row(null, null, null, 5, 5, 5, 5, 5, 5, 5));    // three missing → missing
        var total = s["total"];
        Assert.Equal(30.0, total[0].Value);
        Assert.Equal(50.0, total[1].Value);
        // k10_1 and k10_2 sample means over rows 0 and 1: (3 + 5) / 2 = 4 each → 8 + 4 + 4
        Assert.Equal(4.0, total.SampleItemMeans[0]["k10_1"]);
        Assert.Equal(16.0, total[2].Value!.Value, 12);
        Assert.Equal("moderate risk", total[2].Band);
        Assert.Equal(8, total[2].Answered);
        Assert.Null(total[3].Value);
        Assert.Contains("7 of 10 items answered; at least 8 required", total[3].MissingReason);
        Assert.Contains("k10_2 onbekend (9)", TestResponses.Score("k10", Row(3, 9, 3, null, null, 3, 3, 3, 3, 3))["total"][0].MissingReason);
    }

    [Fact]
    public void Cantril_gallup_classification_uses_both_items()
    {
        var s = TestResponses.Score("cantril", [7, 8], [4, 4], [6, 9], [8, null]);
        Assert.Equal(["thriving", "suffering", "struggling", "(none)"], s["present"].Bands["gallup"].Select(b => b ?? "(none)"));
        Assert.Equal(8.0, s["present"][3].Value);
        Assert.Null(s["future"][3].Value);
    }

    [Fact]
    public void Pearlin_reverses_the_negative_items()
    {
        var s = TestResponses.Score("pearlin_mastery", [1, 1, 1, 1, 1, 1, 1], [5, 4, 3, 2, 1, 5, 2]);
        Assert.Equal(5 * 5 + 1 + 1, s["total"][0].Value);
        Assert.Equal(1 + 2 + 3 + 2 + 5 + 5 + 4, s["total"][1].Value);
    }

    [Fact]
    public void Rses_canonical_and_alternative_sums()
    {
        var s = TestResponses.Score("rses", Enumerable.Repeat<int?>(4, 10).ToArray());
        Assert.Equal(15.0, s["total"][0].Value);       // 5 positive × 3 + 5 reversed × 0
        Assert.Equal(25.0, s["total_1to4"][0].Value);
        Assert.Equal("normal range", s["total"][0].Band);
    }

    [Fact]
    public void Djg11_counts_and_subscales()
    {
        // all "more or less" → every item counts as lonely
        var s = TestResponses.Score("djg11", Enumerable.Repeat<int?>(2, 11).ToArray());
        Assert.Equal(11.0, s["total"][0].Value);
        Assert.Equal(6.0, s["emotional"][0].Value);
        Assert.Equal(5.0, s["social"][0].Value);
        Assert.Equal("very severely lonely", s["total"][0].Band);
    }

    [Fact]
    public void Trust_mean_and_single_items()
    {
        var s = TestResponses.Score("trust_institutional", [6, 5, 8, 3, 7]);
        Assert.Equal(5.8, s["mean"][0].Value!.Value, 12);
        Assert.Equal("not a lot of confidence", s["mean"][0].Band);
        Assert.Equal("a lot of confidence", s["police"][0].Band);
    }

    [Fact]
    public void Out_of_range_answers_are_reported_not_clipped()
    {
        var who5 = ShippedInstruments.Get("who5");
        var table = new ItemResponseTable(2, ["R1 w1", "R2 w1"])
            .Add("who5_1", [7, 3])
            .Add("who5_2", [3, null], [null, -9])
            .Add("who5_3", [3, 3])
            .Add("who5_4", [3, -1])
            .Add("who5_5", [3, 3]);
        var s = InstrumentScorer.Score(who5, table);
        var problem = Assert.Single(s.OutOfRange);
        Assert.Equal(new OutOfRangeAnswer(0, "R1 w1", "who5_1", 7, 0, 5), problem);
        Assert.Null(s["raw"][0].Value);
        Assert.Contains("who5_1 out of range (7, valid 0–5)", s["raw"][0].MissingReason);
        Assert.Contains("who5_2 refused (-9)", s["raw"][1].MissingReason);
        Assert.Contains("who5_4 don't know (-1)", s["raw"][1].MissingReason);
    }

    [Fact]
    public void Absent_column_is_named()
    {
        var table = new ItemResponseTable(1).Add("who5_1", [1]);
        var e = Assert.Throws<ArgumentException>(() => InstrumentScorer.Score(ShippedInstruments.Get("who5"), table));
        Assert.Contains("who5_2, who5_3, who5_4, who5_5", e.Message);
    }

    [Fact]
    public void Prorating_multiplies_the_mean_by_the_item_count()
    {
        var json = File.ReadAllText(Path.Combine(ShippedInstruments.Directory, "who5.json"))
            .Replace("\"minimumAnswered\": 5,\n        \"handling\": \"none\"", "\"minimumAnswered\": 4,\n        \"handling\": \"prorate\"");
        var prorated = Instrument.Parse(json, "who5-prorated.json");
        Assert.Equal(MissingHandling.Prorate, prorated.Score("raw").Missing.Handling);
        var s = InstrumentScorer.Score(prorated, TestResponses.For(prorated, [3, 3, 4, null, 2]));
        Assert.Equal(15.0, s["raw"][0].Value!.Value, 12);   // mean 3 × 5 items
    }
}
