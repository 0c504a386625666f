using System.Globalization;
using System.Text.Json;
using Research.Statistics.Equivalence;

namespace Research.Statistics.Tests.Equivalence;

/// <summary>TOST p-values, intervals and conclusions against base R (Fixtures/Equivalence/make_fixtures.R).</summary>
public sealed class EquivalenceTestReferenceTests
{
    public static TheoryData<string> Cases() => new(Load().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_R(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        var df = c.GetProperty("df").ValueKind == JsonValueKind.String ? double.PositiveInfinity : c.Double("df");

        var r = EquivalenceTest.Test(c.Double("estimate"), c.Double("se"), df, new EquivalenceMargin(c.Double("lower"), c.Double("upper")), c.Double("alpha"));

        AssertClose.Equal(c.Double("lower_t"), r.LowerStatistic, 1e-12, what: "lower t");
        AssertClose.Equal(c.Double("upper_t"), r.UpperStatistic, 1e-12, what: "upper t");
        AssertClose.Equal(c.Double("lower_p"), r.LowerPValue, 1e-9, 1e-300, "lower p");
        AssertClose.Equal(c.Double("upper_p"), r.UpperPValue, 1e-9, 1e-300, "upper p");
        AssertClose.Equal(c.Double("tost_p"), r.EquivalencePValue, 1e-9, 1e-300, "TOST p");
        AssertClose.Equal(c.Double("difference_p"), r.DifferencePValue, 1e-9, 1e-300, "p(theta = 0)");
        AssertClose.Equal(c.Double("minimum_effect_p"), r.MinimumEffectPValue, 1e-9, 1e-300, "minimum-effect p");
        AssertClose.Equal(c.Doubles("equivalence_ci"), [r.EquivalenceInterval.Lower, r.EquivalenceInterval.Upper], 1e-10, 1e-14, "1 - 2 alpha CI");
        AssertClose.Equal(c.Doubles("ci"), [r.ConfidenceInterval.Lower, r.ConfidenceInterval.Upper], 1e-10, 1e-14, "1 - alpha CI");
        Assert.Equal(c.GetProperty("conclusion").GetString(), r.Conclusion.ToString());
    }

    [Fact]
    public void Every_conclusion_is_covered_by_the_fixture() =>
        Assert.Equal(
            Enum.GetNames<EquivalenceConclusion>().Order(StringComparer.Ordinal),
            Load().Select(c => c.GetProperty("conclusion").GetString()!).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Equivalence_holds_exactly_when_the_interval_lies_inside_the_margin()
    {
        var margin = EquivalenceMargin.Symmetric(0.03);
        var checkedCount = 0;
        for (var estimate = -0.06; estimate <= 0.06; estimate += 0.0025)
        {
            foreach (var se in new[] { 0.002, 0.01, 0.02 })
            {
                var r = EquivalenceTest.Test(estimate, se, 12, margin);
                var inside = r.EquivalenceInterval.Lower > margin.Lower && r.EquivalenceInterval.Upper < margin.Upper;
                Assert.True(inside == r.IsEquivalent, string.Create(CultureInfo.InvariantCulture, $"estimate {estimate}, se {se}"));
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 100);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EquivalenceMargin.Symmetric(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EquivalenceTest.Test(0, 0.1, 10, new EquivalenceMargin(0.01, 0.03)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EquivalenceTest.Test(0, 0, 10, EquivalenceMargin.Symmetric(0.03)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EquivalenceTest.Test(0, 0.1, 10, EquivalenceMargin.Symmetric(0.03), alpha: 0.5));
    }

    private static JsonElement[] Load() => ReferenceFixture.Load("Equivalence", "equivalence_cases.json").EnumerateArray().ToArray();
}
