using System.Text.Json;
using Research.Analysis.Inference;

namespace Research.Analysis.Tests.Inference;

/// <summary>
/// The reports' estimator against <c>estimatr::lm_lin</c> on a site's data (Fixtures/Inference/lm_lin_reference.R):
/// the Lin-adjusted ITT with HC2 and with CR2 by caseworker (Bell–McCaffrey df), the unadjusted difference in means,
/// and the effect on the treated (Lin ITT over Lin take-up, with the SE of the residualised outcome), to 1e-8.
/// </summary>
public sealed class LinReferenceTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(GroningenFixture.Folder, "lm_lin_reference.json"))).RootElement);

    [Theory]
    [InlineData("partial_full_outflow", InferenceMethod.Hc2, "HC2")]
    [InlineData("partial_full_outflow", InferenceMethod.Cr2, "CR2")]
    [InlineData("full_outflow", InferenceMethod.Hc2, "HC2")]
    [InlineData("full_outflow", InferenceMethod.Cr2, "CR2")]
    public void Intention_to_treat_agrees_with_lm_lin(string outcome, InferenceMethod method, string key)
    {
        var effects = EffectEstimator.Itt(GroningenFixture.Load(outcome), EffectOptions.Default with { Method = method });
        var expected = Reference.Value.GetProperty(outcome).GetProperty(key);

        Assert.Equal(4, effects.Arms.Count);
        foreach (var arm in effects.Arms)
        {
            var r = expected.GetProperty(arm.Arm.Code);
            AssertRow(r.GetProperty("lin"), arm.Effect, arm.Arm.Code);
            AssertRow(r.GetProperty("unadjusted"), arm.Unadjusted!, arm.Arm.Code + " unadjusted");
            Assert.Equal(method, arm.Method);
        }
    }

    [Theory]
    [InlineData("partial_full_outflow", InferenceMethod.Hc2, "att_HC2")]
    [InlineData("partial_full_outflow", InferenceMethod.Cr2, "att_CR2")]
    [InlineData("full_outflow", InferenceMethod.Cr2, "att_CR2")]
    public void Effect_on_the_treated_agrees_with_the_lm_lin_computation(string outcome, InferenceMethod method, string key)
    {
        var effects = EffectEstimator.Att(GroningenFixture.Load(outcome), EffectOptions.Default with { Method = method });
        var expected = Reference.Value.GetProperty(outcome).GetProperty(key);

        Assert.Equal(Estimand.EffectOnTreated, effects.Estimand);
        foreach (var arm in effects.Arms)
        {
            var r = expected.GetProperty(arm.Arm.Code);
            Close(r.GetProperty("estimate").GetDouble(), arm.Effect.Estimate, arm.Arm.Code + " estimate");
            Close(r.GetProperty("se").GetDouble(), arm.Effect.StandardError, arm.Arm.Code + " se");
            Close(r.GetProperty("df").GetDouble(), arm.Effect.DegreesOfFreedom, arm.Arm.Code + " df");
            Assert.True(arm.Effect.ConfidenceInterval.Contains(arm.Effect.Estimate));
        }
    }

    private static void AssertRow(JsonElement expected, IntervalEstimate actual, string what)
    {
        Close(expected.GetProperty("estimate").GetDouble(), actual.Estimate, what + " estimate");
        Close(expected.GetProperty("se").GetDouble(), actual.StandardError, what + " se");
        Close(expected.GetProperty("df").GetDouble(), actual.DegreesOfFreedom, what + " df");
        Close(expected.GetProperty("p").GetDouble(), actual.PValue, what + " p");
        Close(expected.GetProperty("ci_low").GetDouble(), actual.ConfidenceInterval.Lower, what + " ci_low");
        Close(expected.GetProperty("ci_high").GetDouble(), actual.ConfidenceInterval.Upper, what + " ci_high");
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-8 * Math.Max(1, Math.Abs(expected)), FormattableString.Invariant($"{what}: R {expected:R}, estimator {actual:R}"));
}
