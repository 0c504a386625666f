using Research.Analysis.Outcomes;

namespace Research.Analysis.Tests.Outcomes;

public sealed class OutcomeStatusTests
{
    private const string Pre = "BBBBBBBBBBBB";

    [Theory]
    [InlineData('T', 0, 1, 1)] // exactly 27 h off benefit: not full outflow (strictly greater), but partial
    [InlineData('t', 0, 0, 1)] // exactly 12 h off benefit: not even partial outflow
    [InlineData('X', 0, 1, 0)] // 40 h but still on benefit: not full outflow
    [InlineData('F', 1, 1, 1)]
    [InlineData('P', 0, 1, 0)]
    [InlineData('O', 0, 0, 1)] // off benefit without work: independent, no outflow to work
    [InlineData('B', 0, 0, 0)]
    public void Statuses_follow_the_CPB_thresholds(char month1, double full, double partial, double independent)
    {
        var panel = new TinyRegister().Person("a", Pre + "B" + month1 + "BB").Build();

        Assert.Equal(full, panel.Value(Outcome.FullOutflow, 0, 1));
        Assert.Equal(partial, panel.Value(Outcome.PartialOrFullOutflow, 0, 1));
        Assert.Equal(independent, panel.Value(Outcome.BenefitIndependence, 0, 1));
    }

    [Fact]
    public void Amounts_are_the_register_values_of_the_month()
    {
        var panel = new TinyRegister().Person("a", Pre + "BFT").Build();

        Assert.Equal(30, panel.Value(Outcome.Hours, 0, 1));
        Assert.Equal(2702, panel.Value(Outcome.Earnings, 0, 2));
        Assert.Equal(-12, panel.Value(Outcome.Earnings, 0, -12));
    }

    [Fact]
    public void Thresholds_are_parameters()
    {
        var pattern = Pre + "BPX";
        var definitions = new OutcomeDefinitions { PartialHours = 20, FullTimeHours = 35, FullOutflowRequiresOffBenefit = false, PartialOutflowRequiresOffBenefit = true };
        var panel = new TinyRegister().Person("a", pattern).Build(definitions);

        Assert.Equal(0, panel.Value(Outcome.PartialOrFullOutflow, 0, 1)); // 20 h is not > 20, and on benefit
        Assert.Equal(1, panel.Value(Outcome.FullOutflow, 0, 2)); // 40 h on benefit counts when benefit is not required off
        Assert.Equal(1, panel.Value(Outcome.PartialOrFullOutflow, 0, 2)); // full outflow implies partial plus full
    }

    [Fact]
    public void Inconsistent_thresholds_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new TinyRegister().Person("a", Pre + "B").Build(new OutcomeDefinitions { PartialHours = 30 }));
        Assert.Contains("PartialHours = 30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_of_an_unobserved_month_names_the_person()
    {
        var panel = new TinyRegister().Person("a", Pre + "BB").Build();

        var error = Assert.Throws<OutcomeDataException>(() => panel.Value(Outcome.FullOutflow, 0, 2));
        Assert.Contains("the person of test participant 0", error.Message, StringComparison.Ordinal);
    }
}
