using Research.Statistics.Survival;

namespace Research.Statistics.Tests.Survival;

public sealed class SurvivalEdgeCaseTests
{
    [Fact]
    public void Negative_time_is_rejected_with_its_position()
    {
        var e = Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, -2, 3], [true, true, false]));

        Assert.Contains("Time 1 is -2", e.Message);
    }

    [Fact]
    public void Mismatched_event_flags_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, 2, 3], [true, false]));

        Assert.Contains("Expected 3 event flags", e.Message);
    }

    [Fact]
    public void All_censored_gives_a_flat_curve_and_no_log_rank_test()
    {
        var curve = KaplanMeier.Fit([1, 2, 3], [false, false, false]);

        Assert.All(curve.Steps, s => Assert.Equal(1.0, s.Survival));
        Assert.All(curve.Steps, s => Assert.Null(s.Lower));
        Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2, 3, 4], [false, false, false, false], ["a", "a", "b", "b"]));
    }

    [Fact]
    public void One_group_is_not_a_log_rank_test()
    {
        var e = Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [true, true], ["a", "a"]));

        Assert.Contains("at least two groups", e.Message);
    }

    [Fact]
    public void Survival_at_is_right_continuous()
    {
        var curve = KaplanMeier.Fit([2, 4, 4, 6], [true, true, false, true]);

        Assert.Equal(1.0, curve.SurvivalAt(1.9));
        Assert.Equal(0.75, curve.SurvivalAt(2));
        Assert.Equal(0.75 * (2.0 / 3), curve.SurvivalAt(5), 15);
        Assert.Equal(0.0, curve.SurvivalAt(6));
        Assert.Null(curve.Steps[^1].StandardError);
    }
}
