using Research.Analysis.Outcomes;

namespace Research.Analysis.Tests.Outcomes;

/// <summary>A person factor's codes group persons, so its levels must be distinct and its codes must index them.</summary>
public sealed class PersonFactorTests
{
    [Fact]
    public void A_level_listed_twice_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new PersonFactor("caseworker_id", [0, 1, 2], ["CW-1", "CW-2", "CW-1"]));
        Assert.Contains("caseworker_id", error.Message, StringComparison.Ordinal);
        Assert.Contains("'CW-1' is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_outside_the_levels_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PersonFactor("arm", [0, 2], ["A", "B"]));
        Assert.Contains("code 2 of person 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_codes_are_equal_values()
    {
        var factor = new PersonFactor("stratum", [1, 0, 1], ["low", "high"]);
        Assert.Equal(["high", "low", "high"], Enumerable.Range(0, factor.Count).Select(p => factor[p]));
    }
}
