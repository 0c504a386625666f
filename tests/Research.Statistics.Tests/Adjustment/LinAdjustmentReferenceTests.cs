using System.Text.Json;
using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Adjustment;

/// <summary>
/// Lin's interacted adjustment against <c>estimatr::lm_lin</c> (Fixtures/Adjustment/make_fixtures.R): three arms,
/// numeric covariates with a large mean, categorical covariates and strata, HC2 and CR2 (caseworkers nested in arms),
/// weights, a covariate constant within a treated arm or within control, listwise deletion and the missing-indicator method.
/// </summary>
public sealed class LinAdjustmentReferenceTests
{
    private static readonly Lazy<JsonElement> Fixture = new(() => ReferenceFixture.Load("Adjustment", "lin_cases.json"));

    public static TheoryData<string> Cases() => new(Fixture.Value.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_lm_lin(string name)
    {
        var c = Case(name);
        var fit = Fit(c);
        var rTerms = c.Strings("term");
        var treatmentOnly = c.GetProperty("treatment_only").GetBoolean();
        var compared = treatmentOnly ? fit.Design.TreatmentColumns.ToArray() : fit.Model.Names.ToArray();

        Assert.Equal(c.GetProperty("nobs").GetInt32(), fit.Model.ObservationCount);
        Assert.Equal(c.GetProperty("dropped").GetInt32(), fit.Design.DroppedRowCount);
        if (!treatmentOnly)
        {
            Assert.Equal(rTerms.Length, compared.Length);
        }

        for (var j = 0; j < compared.Length; j++)
        {
            var mine = fit.Model[compared[j]];
            var r = Array.IndexOf(rTerms, treatmentOnly ? Normalise(compared[j]) : rTerms[j]);
            if (name != "missing_indicator")
            {
                Assert.Equal(rTerms[r], Normalise(compared[j]));
            }

            AssertClose.Equal(c.Doubles("estimate")[r], mine.Estimate, 1e-8, 1e-10, $"{name} {compared[j]} estimate");
            AssertClose.Equal(c.Doubles("std_error")[r], mine.StandardError, 1e-8, 1e-12, $"{name} {compared[j]} SE");
            AssertClose.Equal(c.Doubles("df")[r], mine.DegreesOfFreedom, 1e-8, 0, $"{name} {compared[j]} df");
            AssertClose.Equal(c.Doubles("p_value")[r], mine.PValue, 1e-7, 1e-15, $"{name} {compared[j]} p");
            AssertClose.Equal(c.Doubles("conf_low")[r], mine.ConfidenceLow, 1e-8, 1e-10, $"{name} {compared[j]} CI low");
            AssertClose.Equal(c.Doubles("conf_high")[r], mine.ConfidenceHigh, 1e-8, 1e-10, $"{name} {compared[j]} CI high");
        }
    }

    [Fact]
    public void Constant_covariates_are_left_out_with_a_note()
    {
        var inArm = Fit(Case("constant_in_arm"));
        var inControl = Fit(Case("constant_in_control"));

        Assert.DoesNotContain("arm[B]:flag_b_c", inArm.Model.Names);
        Assert.Contains(inArm.Design.Notes, n => n.Contains("'arm[B]:flag_b_c' is left out", StringComparison.Ordinal));
        Assert.Contains("flag_c_c", inControl.Model.Names);
        Assert.DoesNotContain("arm[A]:flag_c_c", inControl.Model.Names);
        Assert.DoesNotContain("arm[B]:flag_c_c", inControl.Model.Names);
        Assert.Contains(inControl.Design.Notes, n => n.Contains("constant within the control arm", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_covariates_are_an_error_by_default()
    {
        var d = Fixture.Value.GetProperty("data");
        var covariates = new DesignBuilder(300).Numeric("age_na", d.DoublesWithMissing("age_na")).Build();

        var e = Assert.Throws<ArgumentException>(() => LinAdjustment.Fit(d.DoublesWithMissing("y"), d.Strings("arm"), "control", covariates, VarianceEstimator.HC2));

        Assert.Contains("Covariate column 'age_na' is missing at row", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fill_value_does_not_change_the_missing_indicator_estimate()
    {
        var d = Fixture.Value.GetProperty("data");
        var y = d.DoublesWithMissing("y");
        var arms = d.Strings("arm");
        var age = d.DoublesWithMissing("age_na");
        var options = new LinOptions { MissingCovariates = MissingCovariatePolicy.MissingIndicator };
        var viaPolicy = LinAdjustment.Fit(y, arms, "control", new DesignBuilder(300).Numeric("age", age).Build(), VarianceEstimator.HC2, options);
        var filledWith99 = age.Select(a => double.IsNaN(a) ? 99 : a).ToArray();
        var handMade = new DesignBuilder(300).Numeric("age", filledWith99).Numeric("age_missing", age.Select(a => double.IsNaN(a) ? 1.0 : 0.0).ToArray()).Build();
        var byHand = LinAdjustment.Fit(y, arms, "control", handMade, VarianceEstimator.HC2);

        foreach (var arm in new[] { "A", "B" })
        {
            AssertClose.Equal(byHand.Effect(arm).Estimate, viaPolicy.Effect(arm).Estimate, 1e-10, 1e-12, arm);
            AssertClose.Equal(byHand.Effect(arm).StandardError, viaPolicy.Effect(arm).StandardError, 1e-9, 1e-12, arm);
        }
    }

    private static LinFit Fit(JsonElement c)
    {
        var d = Fixture.Value.GetProperty("data");
        var n = d.GetProperty("y").GetArrayLength();
        var builder = new DesignBuilder(n);
        foreach (var covariate in c.Strings("covariates"))
        {
            _ = covariate switch
            {
                "sex" => builder.Categorical("sex", d.Strings("sex"), "F"),
                "education" or "edu_na" => builder.Categorical(covariate, Labels(d, covariate), "low", ["low", "mid", "high"]),
                "stratum" => builder.Categorical("stratum", d.Strings("stratum"), "1", ["1", "2", "3", "4"]),
                _ => builder.Numeric(covariate, d.DoublesWithMissing(covariate)),
            };
        }

        var clusters = d.Strings("caseworker");
        var variance = (c.GetProperty("se_type").GetString(), c.GetProperty("clusters").GetBoolean()) switch
        {
            ("CR2", true) => VarianceEstimator.CR2(clusters),
            _ => VarianceEstimator.HC2,
        };
        var missing = Enum.Parse<MissingCovariatePolicy>(c.GetProperty("missing").GetString()!);
        var options = new LinOptions
        {
            MissingCovariates = missing,
            Fit = new FitOptions
            {
                Weights = c.GetProperty("weights").GetBoolean() ? d.DoublesWithMissing("w") : null,
                MissingValues = missing == MissingCovariatePolicy.ListwiseDeletion ? MissingValuePolicy.ListwiseDeletion : MissingValuePolicy.Error,
            },
        };
        return LinAdjustment.Fit(d.DoublesWithMissing(c.GetProperty("outcome").GetString()!), d.Strings("arm"), "control", builder.Build(), variance, options);
    }

    // arm[A]:education[mid]_c → armA:educationmid_c, R's model.matrix names.
    private static string Normalise(string name) => name.Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);

    private static JsonElement Case(string name) =>
        Fixture.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);


    private static string?[] Labels(JsonElement d, string name) =>
        d.GetProperty(name).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? null : x.GetString()).ToArray();
}
