using System.Text.Json;
using Research.Statistics.Power;

namespace Research.Statistics.Tests.Power;

/// <summary>
/// z test against statsmodels NormalIndPower and t test against statsmodels ttest_power (scipy noncentral t) in
/// Fixtures/Power/make_fixtures.py: MDE, power and per-arm sample size, clustering through n/DEFF; and the t test
/// against R power.t.test(strict = TRUE) in Fixtures/Power/make_fixtures.R.
/// </summary>
public sealed class PowerCalculatorReferenceTests
{
    // Power is closed form. The reference MDE and n are brentq roots (xtol 1e-12..1e-15) of statsmodels' power
    // function; solve_power alone stops near 1e-6 relative, so the script refines it.
    private const double Tolerance = 1e-8;

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Load().Length));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_statsmodels(int index)
    {
        var c = Load()[index];
        var (design, outcome) = DesignOf(c);
        var alpha = c.Double("alpha");
        var power = c.Double("power");
        var effect = c.Double("effect");

        var mde = PowerCalculator.MinimumDetectableEffect(design, outcome, alpha, power);

        AssertClose.Equal(c.Double("sd"), outcome.StandardDeviation, 1e-14, what: "sd");
        AssertClose.Equal(c.Double("mde"), mde.Effect, Tolerance, what: "MDE");
        AssertClose.Equal(c.Double("standardised_mde"), mde.StandardisedEffect, Tolerance, what: "standardised MDE");
        AssertClose.Equal(c.Double("power_at_effect"), PowerCalculator.Power(design, outcome, effect, alpha), Tolerance, what: "power");
        Assert.Equal(mde.Effect <= effect, mde.CanDetect(effect));
        AssertClose.Equal(power, PowerCalculator.Power(design, outcome, mde.Effect, alpha), 1e-12, what: "power at the MDE");

        if (c.OptionalDouble("n_per_arm") is { } n)
        {
            var size = PowerCalculator.SampleSize(outcome, effect, alpha, power, design.Clustering);
            AssertClose.Equal(n, size.ExactControlSize, Tolerance, what: "n per arm");
            Assert.Equal((int)Math.Ceiling(n), size.ControlSize);
            Assert.Equal(size.ControlSize, size.TreatmentSize);
        }
        else
        {
            var e = Assert.Throws<ArgumentException>(() => PowerCalculator.SampleSize(outcome, effect, alpha, power, design.Clustering));
            Assert.Contains("Add clusters", e.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void T_test_matches_statsmodels_noncentral_t(int index)
    {
        var c = Load()[index];
        var (design, outcome) = DesignOf(c);
        var (alpha, power, effect) = (c.Double("alpha"), c.Double("power"), c.Double("effect"));

        Assert.Equal(c.Double("df"), design.DegreesOfFreedom, 12);
        AssertClose.Equal(c.Double("mde_t"), PowerCalculator.MinimumDetectableEffect(design, outcome, alpha, power, PowerTest.StudentT).Effect, Tolerance, what: "MDE (t)");
        AssertClose.Equal(c.Double("power_at_effect_t"), PowerCalculator.Power(design, outcome, effect, alpha, PowerTest.StudentT), Tolerance, what: "power (t)");
        if (c.OptionalDouble("n_per_arm_t") is { } n)
        {
            AssertClose.Equal(n, PowerCalculator.SampleSize(outcome, effect, alpha, power, design.Clustering, test: PowerTest.StudentT).ExactControlSize, Tolerance, what: "n per arm (t)");
        }
    }

    public static TheoryData<int> RCases() => new(Enumerable.Range(0, LoadR().Length));

    [Theory]
    [MemberData(nameof(RCases))]
    public void T_test_matches_R_power_t_test(int index)
    {
        var c = LoadR()[index];
        var outcome = Outcome.Continuous(c.Double("sd"));
        var (alpha, power, delta, n) = (c.Double("sig_level"), c.Double("power"), c.Double("delta"), c.Double("n"));

        switch (c.GetProperty("solve_for").GetString())
        {
            case "power":
                AssertClose.Equal(power, PowerCalculator.Power(TwoArmDesign.Balanced((int)n), outcome, delta, alpha, PowerTest.StudentT), Tolerance, what: "power");
                break;
            case "delta":
                AssertClose.Equal(delta, PowerCalculator.MinimumDetectableEffect(TwoArmDesign.Balanced((int)n), outcome, alpha, power, PowerTest.StudentT).Effect, Tolerance, what: "delta");
                break;
            default:
                AssertClose.Equal(n, PowerCalculator.SampleSize(outcome, delta, alpha, power, test: PowerTest.StudentT).ExactControlSize, Tolerance, what: "n");
                break;
        }
    }

    private static JsonElement[] LoadR() => ReferenceFixture.Load("Power", "power_t_test.json").EnumerateArray().ToArray();

    private static JsonElement[] Load() => ReferenceFixture.Load("Power", "power_cases.json").EnumerateArray().ToArray();

    private static (TwoArmDesign Design, Outcome Outcome) DesignOf(JsonElement c)
    {
        var outcomeSpec = c.GetProperty("outcome");
        var value = outcomeSpec[1].GetDouble();
        var outcome = outcomeSpec[0].GetString() == "binary" ? Outcome.Binary(value) : Outcome.Continuous(value);
        var clustering = Clustering.None;
        if (c.GetProperty("clustering") is { ValueKind: JsonValueKind.Object } cl)
        {
            var cv = cl.OptionalDouble("cv") ?? 0;
            clustering = cl.OptionalDouble("m") is { } m
                ? Clustering.BySize(cl.Double("icc"), m, cv)
                : Clustering.ByCount(cl.Double("icc"), (int)cl.Double("j"), cv);
        }

        return (new TwoArmDesign((int)c.Double("n_t"), (int)c.Double("n_c"), clustering), outcome);
    }
}
