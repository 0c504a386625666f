using Research.Analysis.Synthesis;

namespace Research.Analysis.Tests.Synthesis;

public sealed class SiteTypeEffectTests
{
    private static SiteEstimate Arm(string arm, double estimate, double se, string type = "exemption", double? nArm = 100, double nControl = 100) =>
        new("deventer", arm, arm, type, "full_outflow", 24, estimate, se, estimate - 2 * se, estimate + 2 * se, 0.5, 200, nArm, nControl, 0.2);

    [Fact]
    public void A_single_arm_passes_through()
    {
        var effect = SiteTypeEffect.Combine([Arm("a", 0.03, 0.02)]);

        Assert.Equal(0.03, effect.Estimate);
        Assert.Equal(0.02, effect.StandardError);
        Assert.Equal("deventer (a)", effect.Label);
    }

    [Fact]
    public void Two_arms_sharing_a_control_are_combined_by_generalised_least_squares()
    {
        // Arms of 100 and 300 against a control of 100: ρ = 1/√((1 + 1)(1 + 1/3)).
        var rho = 1 / Math.Sqrt(2 * (4.0 / 3));
        var (v1, v2, c) = (0.05 * 0.05, 0.04 * 0.04, rho * 0.05 * 0.04);

        var effect = SiteTypeEffect.Combine([Arm("a", 0.10, 0.05), Arm("b", -0.02, 0.04, nArm: 300)]);

        // Closed form for two correlated estimates: w1 = (v2 − c)/(v1 + v2 − 2c), var = (v1·v2 − c²)/(v1 + v2 − 2c).
        var w1 = (v2 - c) / (v1 + v2 - 2 * c);
        Assert.Equal(w1 * 0.10 + (1 - w1) * -0.02, effect.Estimate, 1e-14);
        Assert.Equal(Math.Sqrt((v1 * v2 - c * c) / (v1 + v2 - 2 * c)), effect.StandardError, 1e-14);
        Assert.Equal(1.0, effect.Weights.Sum(), 1e-14);
        Assert.True(effect.StandardError > Math.Sqrt(1 / (1 / v1 + 1 / v2)), "the shared control must make the combination less precise than independent arms");
    }

    [Fact]
    public void Without_the_arm_sizes_the_arms_are_treated_as_independent()
    {
        var effect = SiteTypeEffect.Combine([Arm("a", 0.10, 0.05, nArm: null), Arm("b", -0.02, 0.04, nArm: null)]);

        Assert.Equal(Math.Sqrt(1 / (1 / 0.0025 + 1 / 0.0016)), effect.StandardError, 1e-14);
    }

    [Fact]
    public void Equal_arms_against_an_equal_control_correlate_one_half()
    {
        Assert.Equal(0.5, SiteTypeEffect.SharedControlCorrelation(Arm("a", 0, 1), Arm("b", 0, 1)), 1e-15);
    }

    [Fact]
    public void Refuses_withheld_or_mismatched_arms()
    {
        var withheld = Arm("a", 0.1, 0.05) with { Estimate = null };
        Assert.Contains("withheld", Assert.Throws<ArgumentException>(() => SiteTypeEffect.Combine([withheld])).Message);
        Assert.Contains("must share", Assert.Throws<ArgumentException>(() => SiteTypeEffect.Combine([Arm("a", 0.1, 0.05), Arm("b", 0.1, 0.05, type: "intensification")])).Message);
        Assert.Throws<ArgumentException>(() => SiteTypeEffect.Combine([]));
    }
}
