using Research.Analysis.Outcomes;

namespace Research.Analysis.Tests.Outcomes;

public sealed class OutcomeMeasureTests
{
    private const string Pre = "BBBBBBBBBBBB";

    [Fact]
    public void Status_at_fixed_and_design_horizons()
    {
        // Utrecht: intervention ends 2019-09-30, randomised 2018-06 -> month 15; primary horizon 16.
        var post = "BBBBBBBBBBBBBBFBBBBB"; // month 15 is the only full-outflow month
        var panel = new TinyRegister().Person("a", Pre + "B" + post).Build();

        Assert.Equal([0.0], panel.At(Outcome.FullOutflow, 12).Values.ToArray());
        Assert.Equal([1.0], panel.At(Outcome.FullOutflow, Horizon.EndOfIntervention).Values.ToArray());
        Assert.Equal([0.0], panel.At(Outcome.FullOutflow, Horizon.Primary).Values.ToArray());
        Assert.Equal([15], panel.InterventionEndMonth.ToArray());
    }

    [Fact]
    public void Share_of_months_and_pre_randomisation_mean()
    {
        var panel = new TinyRegister()
            .Person("a", "BBBBBBBBFFFF" + "F" + "FFFBBBBBBBBB")
            .Build();

        Assert.Equal(3.0 / 12, panel.Mean(Outcome.FullOutflow, 1, 12).Values[0]);
        Assert.Equal(4.0 / 12, panel.PreRandomisation(Outcome.FullOutflow, 12).Values[0]);
        Assert.Equal(4.0 / 6, panel.PreRandomisation(Outcome.FullOutflow, 6).Values[0]);
        Assert.Equal(30.0 * 4 / 12, panel.PreRandomisation(Outcome.Hours, 12).Values[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => panel.PreRandomisation(Outcome.FullOutflow, 13));
    }

    [Fact]
    public void Durable_spell_broken_by_one_month_does_not_count()
    {
        var panel = new TinyRegister()
            .Person("broken", Pre + "B" + "FFFFFBFFFFFBBB")
            .Person("whole", Pre + "B" + "BBFFFFFFBBBBBB")
            .Build();

        Assert.Equal([0.0, 1.0], panel.DurableBy(Outcome.FullOutflow, 6, 14).Values.ToArray());
        Assert.Equal([1.0, 1.0], panel.DurableBy(Outcome.FullOutflow, 5, 14).Values.ToArray());

        // The spell of "whole" is complete at month 8, not by month 7.
        Assert.Equal([0.0, 0.0], panel.DurableBy(Outcome.FullOutflow, 6, 7).Values.ToArray());
        Assert.Equal([0.0, 1.0], panel.DurableBy(Outcome.FullOutflow, 6, 8).Values.ToArray());
    }

    [Fact]
    public void Durable_at_a_horizon_needs_the_months_ending_there()
    {
        var panel = new TinyRegister().Person("a", Pre + "B" + "FFFBFFFB").Build();

        Assert.Equal(1.0, panel.DurableAt(Outcome.FullOutflow, 3, 3).Values[0]);
        Assert.Equal(0.0, panel.DurableAt(Outcome.FullOutflow, 4, 3).Values[0]);
        Assert.Equal(1.0, panel.DurableAt(Outcome.FullOutflow, 3, 7).Values[0]);
        Assert.Equal(0.0, panel.DurableAt(Outcome.FullOutflow, 3, 8).Values[0]);
    }

    [Fact]
    public void Time_to_first_outflow_with_censoring()
    {
        var panel = new TinyRegister()
            .Person("first-month", Pre + "F" + "FBBBBBBBBB") // in status at month 0 too: counting starts at month 1
            .Person("never", Pre + "B" + "BBBBBBBBBB")
            .Person("late", Pre + "B" + "BBBBBBBPFB") // partial at 8, full at 9
            .Person("short", Pre + "B" + "BBBBB") // register ends at month 5
            .Build();

        var full = panel.TimeToFirst(Outcome.FullOutflow, 100);
        Assert.Equal([1, 10, 9, 5], full.Months.ToArray());
        Assert.Equal([true, false, true, false], full.Events.ToArray());

        var capped = panel.TimeToFirst(Outcome.FullOutflow, 6);
        Assert.Equal([1, 6, 6, 5], capped.Months.ToArray());
        Assert.Equal([true, false, false, false], capped.Events.ToArray());

        var partial = panel.TimeToFirst(Outcome.PartialOrFullOutflow, 100);
        Assert.Equal([1, 10, 8, 5], partial.Months.ToArray());

        var fromZero = panel.TimeToFirst(Outcome.FullOutflow, 100, from: 0);
        Assert.Equal([0, 10, 9, 5], fromZero.Months.ToArray());
    }

    [Fact]
    public void Amounts_have_no_spells()
    {
        var panel = new TinyRegister().Person("a", Pre + "BB").Build();

        var error = Assert.Throws<ArgumentException>(() => panel.TimeToFirst(Outcome.Earnings, 10));
        Assert.Contains("Earnings is an amount", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => panel.DurableBy(Outcome.Hours, 3, 1));
    }

    [Fact]
    public void Uncovered_months_fail_by_default_and_are_counted_when_excluded()
    {
        var panel = new TinyRegister()
            .Person("long", Pre + "B" + "FFFFFF")
            .Person("short", Pre + "B" + "FFF")
            .Build();

        Assert.Equal(3, panel.CommonHorizon);
        var error = Assert.Throws<OutcomeDataException>(() => panel.At(Outcome.FullOutflow, 5));
        Assert.Contains("the person of test participant 1: needs months +5 to +5; the register covers -12 to +3", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Problems);

        var excluded = panel.At(Outcome.FullOutflow, 5, Coverage.ExcludeUncovered);
        Assert.Equal([0], excluded.Persons.ToArray());
        Assert.Equal([1], excluded.Excluded.ToArray());
        Assert.Equal(1.0, excluded.Mean());
    }

    [Fact]
    public void Empty_windows_are_rejected()
    {
        var panel = new TinyRegister().Person("a", Pre + "BBBB").Build();

        var error = Assert.Throws<ArgumentException>(() => panel.Mean(Outcome.FullOutflow, 3, 2));
        Assert.Contains("the window is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monthly_means_by_arm_count_observed_persons()
    {
        var panel = new TinyRegister()
            .Person("c1", Pre + "B" + "FF", arm: "control")
            .Person("c2", Pre + "B" + "BFB", arm: "control")
            .Person("t1", Pre + "B" + "BB", arm: "werken_loont")
            .Build();

        var series = panel.MonthlyMeans(Outcome.FullOutflow);
        Assert.Equal(["control", "werken_loont"], series.Select(s => s.Arm));
        var control = series[0];
        Assert.Equal("utrecht", control.Municipality);
        Assert.Equal(-12, control.FirstMonth);
        Assert.Equal([0.5, 1.0, 0.0], control.Means.Skip(13).ToArray());
        Assert.Equal([2, 2, 1], control.Counts.Skip(13).ToArray());
        Assert.Equal(0, series[1].Counts[^1]);
        Assert.True(double.IsNaN(series[1].Means[^1]));
    }
}
