using System.Text.Json;
using Research.Statistics.Attrition;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Attrition;

/// <summary>
/// Inverse-probability-of-response weights against <c>glm(binomial)</c> and the weighted regressions against
/// <c>estimatr::lm_robust(weights = )</c> with HC2 and CR2 (Fixtures/Attrition/make_fixtures.R): stabilised,
/// quantile-trimmed and probability-floored weights.
/// </summary>
public sealed class ResponseWeightsReferenceTests
{
    private static readonly Lazy<JsonElement> Fixture = new(() => ReferenceFixture.Load("Attrition", "response_weights_cases.json"));

    public static TheoryData<string> Cases() => new(Fixture.Value.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weights_and_weighted_fits_agree_with_R(string name)
    {
        var c = Fixture.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var d = Fixture.Value.GetProperty("data");
        var options = new ResponseWeightOptions(c.GetProperty("stabilised").GetBoolean(), Enum.Parse<WeightTrimming>(c.GetProperty("trimming").GetString()!), c.Double("threshold"));

        var ipw = ResponseWeights.Estimate(d.Doubles("responded").Select(r => r == 1).ToArray(), ResponseDesign(d), options);

        AssertClose.Equal(Fixture.Value.Doubles("probabilities"), ipw.Probabilities, 1e-9, 1e-14, "response probabilities");
        AssertClose.Equal(Fixture.Value.GetProperty("glm").Doubles("estimate"), ipw.ResponseModel.Estimates, 1e-8, 1e-12, "glm coefficients");
        var expected = c.DoublesWithMissing("weights");
        Assert.Equal(expected.Select(double.IsNaN), ipw.Weights.Select(double.IsNaN));
        AssertClose.Equal(expected.Where(w => !double.IsNaN(w)).ToArray(), ipw.Weights.Where(w => !double.IsNaN(w)).ToArray(), 1e-9, 1e-14, "weights");
        Assert.Equal((int)c.Double("trimmed"), ipw.TrimmedCount);

        var n = d.Doubles("y").Length;
        var design = new DesignBuilder(n).Intercept().Treatment("arm", d.Strings("arm"), "control", ["control", "A", "B"]).Numeric("prior", d.Doubles("prior")).Build();
        var fitOptions = new FitOptions { Weights = ipw.Weights, MissingValues = MissingValuePolicy.ListwiseDeletion };
        foreach (var (key, variance) in new[] { ("hc2", VarianceEstimator.HC2), ("cr2", VarianceEstimator.CR2(d.Strings("caseworker"))) })
        {
            var fit = LinearModel.Fit(d.Doubles("y"), design, variance, fitOptions);
            var r = c.GetProperty(key);
            for (var j = 0; j < fit.CoefficientCount; j++)
            {
                AssertClose.Equal(r.Doubles("estimate")[j], fit.Coefficients[j].Estimate, 1e-8, 1e-12, $"{key} {fit.Names[j]} estimate");
                AssertClose.Equal(r.Doubles("std.error")[j], fit.Coefficients[j].StandardError, 1e-8, 1e-12, $"{key} {fit.Names[j]} SE");
                AssertClose.Equal(r.Doubles("df")[j], fit.Coefficients[j].DegreesOfFreedom, 1e-8, 0, $"{key} {fit.Names[j]} df");
                AssertClose.Equal(r.Doubles("p.value")[j], fit.Coefficients[j].PValue, 1e-7, 1e-15, $"{key} {fit.Names[j]} p");
            }
        }

        Assert.True(ipw.EffectiveSampleSize < d.Doubles("responded").Sum());
    }

    [Fact]
    public void Bad_thresholds_are_rejected()
    {
        var d = Fixture.Value.GetProperty("data");
        var responded = d.Doubles("responded").Select(r => r == 1).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseWeights.Estimate(responded, ResponseDesign(d), new ResponseWeightOptions(Trimming: WeightTrimming.Quantile, TrimmingThreshold: 0.2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseWeights.Estimate(responded, ResponseDesign(d), new ResponseWeightOptions(Trimming: WeightTrimming.ProbabilityFloor, TrimmingThreshold: 0.7)));
    }

    private static DesignMatrix ResponseDesign(JsonElement d) =>
        new DesignBuilder(d.Doubles("y").Length).Intercept()
            .Treatment("arm", d.Strings("arm"), "control", ["control", "A", "B"])
            .Numeric("prior", d.Doubles("prior")).Numeric("age", d.Doubles("age"))
            .Categorical("sex", d.Strings("sex"), "F").Build();
}
