using Research.Analysis.Outcomes;
using Research.Data.Tables;

namespace Research.Analysis.Tests.Outcomes;

public sealed class OutcomePanelBuildTests
{
    private const string Pre = "BBBBBBBBBBBB";

    [Fact]
    public void A_missing_month_names_person_and_month()
    {
        var register = new TinyRegister().Person("a", Pre + "B" + "BB-BB");

        var error = Assert.Throws<OutcomeDataException>(() => register.Build());
        Assert.Contains("the person of test participant 0: register month 2018-09 (month +3) is missing; 1 month(s) are missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_starting_after_the_baseline_window_is_a_gap()
    {
        var register = new TinyRegister().Person("a", "--" + "BBBBBBBBBB" + "B" + "BB");

        var error = Assert.Throws<OutcomeDataException>(() => register.Build());
        Assert.Contains("register month 2017-06 (month -12) is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_gaps_build_and_then_fail_only_the_measures_that_need_them()
    {
        var panel = new TinyRegister()
            .Person("gap", Pre + "B" + "BB-FF")
            .Person("full", Pre + "B" + "BBBFF")
            .Build(new OutcomeDefinitions { AllowGaps = true });

        Assert.False(panel.IsObserved(0, 3));
        Assert.Equal([1.0, 1.0], panel.At(Outcome.FullOutflow, 4).Values.ToArray());
        var error = Assert.Throws<OutcomeDataException>(() => panel.Mean(Outcome.FullOutflow, 1, 5));
        Assert.Contains("the person of test participant 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("with gaps", error.Message, StringComparison.Ordinal);

        var survival = panel.TimeToFirst(Outcome.FullOutflow, 100);
        Assert.Equal([2, 4], survival.Months.ToArray()); // censored before the gap
        Assert.Equal([false, true], survival.Events.ToArray());

        var monthly = panel.MonthlyMeans(Outcome.FullOutflow).Single();
        Assert.Equal([2, 2, 1, 2, 2], monthly.Counts.Skip(13).ToArray());
    }

    [Fact]
    public void A_duplicate_month_is_an_error()
    {
        var register = new TinyRegister().Person("a", Pre + "BB").Row(0, TinyRegister.DefaultRandomisation);

        var error = Assert.Throws<OutcomeDataException>(() => register.Build());
        Assert.Contains("test row 14: the person of test participant 0 has month 2018-06 twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_row_of_a_non_participant_is_an_error()
    {
        var register = new TinyRegister().Person("a", Pre + "BB").Row(-1, TinyRegister.DefaultRandomisation);

        var error = Assert.Throws<OutcomeDataException>(() => register.Build());
        Assert.Contains("test row 14: the person is not a participant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_hours_are_an_error()
    {
        var register = new TinyRegister().Person("a", Pre + "B").Row(0, TinyRegister.DefaultRandomisation.AddMonths(1), hours: double.NaN);

        var error = Assert.Throws<OutcomeDataException>(() => register.Build());
        Assert.Contains("contract_hours NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_municipality_outside_the_catalogue_is_an_error()
    {
        var register = new TinyRegister().Person("a", Pre + "B", municipality: "amsterdam");

        var error = Assert.Throws<OutcomeDataException>(() => register.Build());
        Assert.Contains("municipality 'amsterdam' is not in the experiment catalogue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_before_the_baseline_window_are_ignored_and_persons_keep_their_order()
    {
        var panel = new TinyRegister()
            .Person("b", Pre + "BF", randomised: new YearMonth(2018, 1))
            .Person("a", Pre + "BFF")
            .Row(1, TinyRegister.DefaultRandomisation.AddMonths(-20))
            .Build();

        Assert.Equal(["b", "a"], panel.Ids);
        Assert.Equal([1, 2], panel.LastObservedMonth.ToArray());
        Assert.Equal(-12, panel.FirstMonth);
        Assert.Equal(new YearMonth(2018, 1), panel.RandomisationMonth[0]);
    }
}
