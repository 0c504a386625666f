using System.Text.Json;
using Research.Statistics.Survival;

namespace Research.Statistics.Tests.Survival;

/// <summary>
/// Against survival 3.5 survfit (conf.type log-log, log, plain), quantile(survfit) and survdiff on aml, lung by
/// ECOG score (3 groups), a small heavily censored set with ties, and a set whose curve sits exactly at 0.5 (Fixtures/Survival/make_fixtures.R). All closed form: 1e-10 relative.
/// </summary>
public sealed class SurvivalReferenceTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Datasets() => new(Load().Select(c => c.GetProperty("dataset").GetString()!));

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Kaplan_Meier_matches_survfit(string dataset)
    {
        var c = Case(dataset);
        var (times, events, groups) = Input(c);

        foreach (var (transform, key) in new[] { (SurvivalConfidenceTransform.LogLog, "log_log"), (SurvivalConfidenceTransform.Log, "log"), (SurvivalConfidenceTransform.Plain, "plain") })
        {
            var curves = KaplanMeier.FitByGroup(times, events, groups, 0.95, transform);
            Assert.Equal(c.Strings("groups"), curves.Select(g => g.Group));
            foreach (var curve in curves)
            {
                AssertCurve(c.GetProperty("curves").GetProperty(curve.Group).GetProperty(key), curve.Curve, $"{dataset}/{curve.Group}/{key}");
            }
        }

        AssertCurve(c.GetProperty("overall"), KaplanMeier.Fit(times, events), dataset + "/overall");
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Log_rank_matches_survdiff(string dataset)
    {
        var c = Case(dataset);
        var (times, events, groups) = Input(c);
        var r = c.GetProperty("logrank");

        var result = LogRankTest.Compute(times, events, groups);

        Assert.Equal(c.Strings("groups"), result.Groups.Select(g => g.Group));
        Assert.Equal(r.Doubles("n"), result.Groups.Select(g => (double)g.Count));
        Assert.Equal(r.Doubles("observed"), result.Groups.Select(g => g.Observed));
        AssertClose.Equal(r.Doubles("expected"), result.Groups.Select(g => g.Expected).ToArray(), Tolerance, what: "expected");
        var variance = r.GetProperty("variance").EnumerateArray().Select(row => row.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        for (var g = 0; g < variance.Length; g++)
        {
            AssertClose.Equal(variance[g], result.Variance[g], Tolerance, 1e-12, what: $"variance row {g}");
        }

        AssertClose.Equal(r.Double("chisq"), result.ChiSquare, Tolerance, what: "chi-square");
        Assert.Equal((int)r.Double("df"), result.DegreesOfFreedom);
        AssertClose.Equal(r.Double("pval"), result.PValue, Tolerance, what: "p");
    }

    private static void AssertCurve(JsonElement expected, SurvivalCurve curve, string what)
    {
        Assert.Equal(expected.Doubles("time"), curve.Steps.Select(s => s.Time));
        Assert.Equal(expected.Doubles("n_risk"), curve.Steps.Select(s => (double)s.AtRisk));
        Assert.Equal(expected.Doubles("n_event"), curve.Steps.Select(s => (double)s.Events));
        Assert.Equal(expected.Doubles("n_censor"), curve.Steps.Select(s => (double)s.Censored));
        AssertClose.Equal(expected.Doubles("surv"), curve.Steps.Select(s => s.Survival).ToArray(), Tolerance, what: what + " surv");
        AssertOptional(expected.GetProperty("std_err_log"), curve.Steps.Select(s => s.LogStandardError).ToArray(), what + " std.err");
        AssertOptional(expected.GetProperty("lower"), curve.Steps.Select(s => s.Lower).ToArray(), what + " lower");
        AssertOptional(expected.GetProperty("upper"), curve.Steps.Select(s => s.Upper).ToArray(), what + " upper");

        var q = expected.GetProperty("quantiles");
        var quantiles = q.Doubles("probs").Select(curve.Quantile).ToArray();
        AssertOptional(q.GetProperty("quantile"), quantiles.Select(x => x.Time).ToArray(), what + " quantile");
        AssertOptional(q.GetProperty("lower"), quantiles.Select(x => x.Lower).ToArray(), what + " quantile lower");
        AssertOptional(q.GetProperty("upper"), quantiles.Select(x => x.Upper).ToArray(), what + " quantile upper");
    }

    /// <summary>R's NA (JSON null) must be our null, numbers must agree.</summary>
    private static void AssertOptional(JsonElement expected, double?[] actual, string what)
    {
        var values = expected.EnumerateArray().ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].ValueKind == JsonValueKind.Null)
            {
                Assert.True(actual[i] is null, $"{what}[{i}]: expected NA, got {actual[i]}");
            }
            else
            {
                AssertClose.Equal(values[i].GetDouble(), actual[i] ?? double.NaN, Tolerance, 1e-13, $"{what}[{i}]");
            }
        }
    }

    private static (double[] Times, bool[] Events, string[] Groups) Input(JsonElement c) =>
        (c.Doubles("time"), c.Doubles("status").Select(s => s == 1).ToArray(), c.Strings("group"));

    private static JsonElement Case(string dataset) => Load().Single(c => c.GetProperty("dataset").GetString() == dataset);

    private static JsonElement[] Load() => ReferenceFixture.Load("Survival", "survival_cases.json").EnumerateArray().ToArray();
}
