using Research.Scales.Longitudinal;
using Research.Scales.Responses;
using Research.Scales.Scoring;
using Research.Scales.Tests.Instruments;

namespace Research.Scales.Tests.Longitudinal;

public class ChangeScoresTests
{
    [Fact]
    public void Change_is_follow_up_minus_baseline_per_respondent()
    {
        var change = ChangeScores.Compute(
            [10.0, 12.0, 20.0, null, 7.0, 30.0],
            ["a", "a", "b", "b", "c", "d"],
            [1, 3, 1, 3, 1, 2]);
        Assert.Equal(1, change.BaselineWave);
        Assert.Equal(3, change.FollowUpWave);
        Assert.Equal(["a", "b", "c"], change.Rows.Select(r => r.Respondent)); // d only has wave 2
        Assert.Equal(2.0, change.Rows[0].Change);
        Assert.Null(change.Rows[1].Change);
        Assert.Equal("wave 3 score missing (no score)", change.Rows[1].MissingReason);
        Assert.Equal("no record in wave 3", change.Rows[2].MissingReason);
    }

    [Fact]
    public void Ancova_inputs_are_the_complete_cases_with_centred_baseline()
    {
        var inputs = ChangeScores.Compute(
            [10.0, 12.0, 20.0, 25.0, 7.0],
            ["a", "a", "b", "b", "c"],
            [1, 2, 1, 2, 1]).ToAncovaInputs();
        Assert.Equal(["a", "b"], inputs.Respondents);
        Assert.Equal([12.0, 25.0], inputs.Outcome);
        Assert.Equal([10.0, 20.0], inputs.Baseline);
        Assert.Equal(15.0, inputs.BaselineMean);
        Assert.Equal([-5.0, 5.0], inputs.CentredBaseline);
        Assert.Equal("c", Assert.Single(inputs.Excluded).Respondent);
    }

    [Fact]
    public void Score_reasons_flow_into_the_change_rows()
    {
        var who5 = ShippedInstruments.Get("who5");
        var table = new ItemResponseTable(2);
        foreach (var item in who5.Items)
        {
            table.Add(item.Column, [3, item.Column == "who5_3" ? null : 4]);
        }

        var scores = InstrumentScorer.Score(who5, table)["raw"];
        var change = ChangeScores.Compute(scores, ["r1", "r1"], [0, 1]);
        Assert.StartsWith("wave 1 score missing (4 of 5 items answered", change.Rows[0].MissingReason);
    }

    [Fact]
    public void Duplicate_respondent_in_a_wave_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => ChangeScores.Compute([1.0, 2.0, 3.0], ["a", "a", "a"], [1, 1, 2]));
        Assert.Contains("Respondent a occurs twice in wave 1 (rows 0 and 1)", e.Message);
    }

    [Fact]
    public void No_complete_case_is_reported()
    {
        var change = ChangeScores.Compute([1.0, null], ["a", "a"], [1, 2]);
        Assert.Throws<InvalidOperationException>(() => change.ToAncovaInputs());
    }
}
