using Research.Statistics.Power;

namespace Research.Statistics.Tests.Power;

public sealed class PowerCalculatorTests
{
    [Fact]
    public void Power_at_zero_effect_is_alpha() =>
        Assert.Equal(0.05, PowerCalculator.Power(TwoArmDesign.Balanced(100), Outcome.Binary(0.3), 0), 14);

    [Fact]
    public void Mde_is_just_below_the_textbook_formula_that_ignores_the_far_tail()
    {
        var mde = PowerCalculator.MinimumDetectableEffect(TwoArmDesign.Balanced(500), Outcome.Continuous(1));
        var textbook = (1.959963984540054 + 0.8416212335729143) * Math.Sqrt(2.0 / 500);

        Assert.True(mde.Effect < textbook);
        Assert.True(mde.Effect > textbook * (1 - 1e-5));
    }

    [Fact]
    public void Design_effect_of_clusters_by_size_is_Kish()
    {
        var design = TwoArmDesign.Balanced(400, Clustering.BySize(0.05, 20));

        Assert.Equal(1 + 19 * 0.05, design.DesignEffect, 12);
    }

    [Fact]
    public void Rounded_sample_size_reaches_the_target_power()
    {
        var outcome = Outcome.Binary(0.2);
        var size = PowerCalculator.SampleSize(outcome, 0.05, power: 0.9, allocationRatio: 2);

        Assert.Equal(size.TreatmentSize, (int)Math.Ceiling(2 * size.ExactControlSize));
        Assert.True(PowerCalculator.Power(new TwoArmDesign(size.TreatmentSize, size.ControlSize), outcome, 0.05) >= 0.9);
        Assert.True(PowerCalculator.Power(new TwoArmDesign(size.TreatmentSize - 2, size.ControlSize - 1), outcome, 0.05) < 0.9);
    }

    [Fact]
    public void T_test_is_less_powerful_than_z_test_and_needs_units_to_spare()
    {
        var design = TwoArmDesign.Balanced(10);

        Assert.True(PowerCalculator.Power(design, Outcome.Continuous(1), 1, test: PowerTest.StudentT) < PowerCalculator.Power(design, Outcome.Continuous(1), 1));
        var e = Assert.Throws<ArgumentException>(() => PowerCalculator.Power(TwoArmDesign.Balanced(10, Clustering.BySize(0.05, 10)), Outcome.Continuous(1), 1, test: PowerTest.StudentT));
        Assert.Contains("0 degrees of freedom", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(30.0)]
    public void Base_rate_must_be_a_proportion(double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Outcome.Binary(rate));
        Assert.Equal("baseRate", e.ParamName);
    }

    [Fact]
    public void Power_below_alpha_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerCalculator.MinimumDetectableEffect(TwoArmDesign.Balanced(100), Outcome.Continuous(1), alpha: 0.05, power: 0.04));

    [Fact]
    public void Arms_smaller_than_the_number_of_clusters_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => TwoArmDesign.Balanced(5, Clustering.ByCount(0.1, 10)));
        Assert.Contains("cannot fill 10 clusters", e.Message);
    }

    [Fact]
    public void ToString_is_invariant()
    {
        var text = PowerCalculator.MinimumDetectableEffect(TwoArmDesign.Balanced(50), Outcome.Binary(0.3)).ToString();

        Assert.StartsWith("MDE 0.2568 (", text);
    }
}
