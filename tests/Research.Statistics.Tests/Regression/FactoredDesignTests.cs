using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// One design, many outcomes: a factored design fitted to a second outcome after a first must give what a fresh fit
/// of that outcome gives (and what estimatr gives), so nothing outcome-specific may leak into the shared factorisation.
/// </summary>
public sealed class FactoredDesignTests
{
    private const double Tolerance = 1e-8;

    public static TheoryData<string, string, bool> Cases() => LinearModelReferenceTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_design_factored_for_another_outcome_first_matches_estimatr(string dataset, string se, bool weighted)
    {
        var d = RegressionFixtures.Load(dataset);
        var options = weighted ? new FitOptions { Weights = d.W } : FitOptions.Default;
        var factored = LinearModel.Factor(d.OlsDesign(), LinearModelReferenceTests.Estimator(se, d), options);

        // A different outcome first: its residuals must not survive into the next fit.
        _ = factored.Fit(d.Y.Select((y, i) => (y * y) + d.Age[i]).ToArray(), "other");
        var fit = factored.Fit(d.Y);
        var reference = RegressionFixtures.Coefficients(dataset, weighted ? "ols_weighted" : "ols", se);

        Assert.Equal(reference.Count, fit.CoefficientCount);
        foreach (var c in fit.Coefficients)
        {
            var r = reference[c.Name];
            var label = $"{dataset} {se} {(weighted ? "weighted" : "unweighted")} {c.Name}";
            RegressionFixtures.Close(RegressionFixtures.Parse(r["estimate"]), c.Estimate, Tolerance, label + " estimate");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["std_error"]), c.StandardError, Tolerance, label + " se");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["df"]), c.DegreesOfFreedom, Tolerance, label + " df");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["p_value"]), c.PValue, Tolerance, label + " p");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_design_factored_for_the_arm_effects_alone_matches_estimatr_on_them(string dataset, string se, bool weighted)
    {
        // The tested coefficients' variances come from each row's weight in their estimates (HC) or the clusters' rows
        // times their contrasts (CR2), not from the whole covariance: checked against estimatr directly.
        var d = RegressionFixtures.Load(dataset);
        var options = weighted ? new FitOptions { Weights = d.W } : FitOptions.Default;
        var design = d.OlsDesign();
        var arms = design.Names.Where(n => n.StartsWith("arm[", StringComparison.Ordinal)).ToArray();
        var factored = LinearModel.Factor(design, LinearModelReferenceTests.Estimator(se, d), options, inference: arms);
        _ = factored.Fit(d.Y.Select((y, i) => (y * y) + d.Age[i]).ToArray(), "other");
        var fit = factored.Fit(d.Y);
        var reference = RegressionFixtures.Coefficients(dataset, weighted ? "ols_weighted" : "ols", se);

        Assert.NotEmpty(arms);
        foreach (var name in arms)
        {
            var (c, r) = (fit[name], reference[name]);
            var label = $"{dataset} {se} {(weighted ? "weighted" : "unweighted")} {name}";
            RegressionFixtures.Close(RegressionFixtures.Parse(r["estimate"]), c.Estimate, Tolerance, label + " estimate");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["std_error"]), c.StandardError, Tolerance, label + " se");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["df"]), c.DegreesOfFreedom, Tolerance, label + " df");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["p_value"]), c.PValue, Tolerance, label + " p");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_outcome_fitted_through_one_design_equals_its_own_fit(bool weighted)
    {
        var d = RegressionFixtures.Load("unbalanced");
        var options = weighted ? new FitOptions { Weights = d.W } : FitOptions.Default;
        var design = d.OlsDesign();
        var variance = VarianceEstimator.CR2(d.Cluster);
        var factored = LinearModel.Factor(design, variance, options);
        double[][] outcomes = [d.Y, d.Yb, d.Takeup, [.. d.Y.Select((y, i) => y - (0.3 * d.Takeup[i]))]];
        foreach (var y in outcomes)
        {
            var shared = factored.Fit(y);
            var own = LinearModel.Fit(y, design, variance, options);
            foreach (var c in own.Coefficients)
            {
                // The same operations in the same order: equal to the last bit, not merely close.
                Assert.Equal(c.Estimate, shared[c.Name].Estimate);
                Assert.Equal(c.StandardError, shared[c.Name].StandardError);
                Assert.Equal(c.DegreesOfFreedom, shared[c.Name].DegreesOfFreedom, 1e-12);
            }
        }
    }

    [Theory]
    [InlineData("HC0")]
    [InlineData("HC1")]
    [InlineData("HC2")]
    [InlineData("HC3")]
    [InlineData("CR2")]
    public void Only_the_coefficients_asked_for_get_variances(string type)
    {
        var d = RegressionFixtures.Load("unbalanced");
        var design = d.OlsDesign();
        var variance = LinearModelReferenceTests.Estimator(type, d);
        var arms = design.Names.Where(n => n.StartsWith("arm[", StringComparison.Ordinal)).ToArray();
        var all = LinearModel.Fit(d.Y, design, variance);
        var factored = LinearModel.Factor(design, variance, inference: arms);
        _ = factored.Fit(d.Yb);
        var some = factored.Fit(d.Y);

        Assert.NotEmpty(arms);
        var covariance = some.Covariance();
        foreach (var c in all.Coefficients)
        {
            var other = some[c.Name];
            Assert.Equal(c.Estimate, other.Estimate);
            if (arms.Contains(c.Name))
            {
                // The same sums in another order (HC: each row's weight in the estimate, not the whole meat); CR2's
                // per-cluster sums are the full fit's, bit for bit.
                if (type == "CR2")
                {
                    Assert.Equal(c.StandardError, other.StandardError);
                }

                Assert.Equal(c.StandardError, other.StandardError, 1e-13 * c.StandardError);
                Assert.Equal(c.DegreesOfFreedom, other.DegreesOfFreedom, 1e-12 * c.DegreesOfFreedom);
                Assert.Equal(c.ConfidenceLow, other.ConfidenceLow, 1e-12);
                Assert.Equal(c.PValue, other.PValue, 1e-12);
            }
            else
            {
                Assert.True(double.IsNaN(other.StandardError) && double.IsNaN(other.DegreesOfFreedom) && double.IsNaN(other.PValue) && double.IsNaN(other.ConfidenceLow), c.Name);
                Assert.True(double.IsNaN(covariance[some.IndexOf(c.Name), some.IndexOf(arms[0])]), c.Name);
            }
        }

        // The covariance between the tested coefficients is the full fit's too.
        var full = all.Covariance();
        var (first, last) = (all.IndexOf(arms[0]), all.IndexOf(arms[^1]));
        Assert.Equal(full[first, last], covariance[first, last], 1e-13 * Math.Sqrt(full[first, first] * full[last, last]));
    }

    [Fact]
    public void A_design_factored_for_another_variance_solves_each_outcome_once_and_fits_as_its_own_factorisation()
    {
        var d = RegressionFixtures.Load("unbalanced");
        var covariates = new DesignBuilder(d.Count).Numeric("age", d.Age).Numeric("income", d.Income).Categorical("education", d.Education, reference: "low").Build();
        var options = new LinOptions { Fit = new FitOptions { AllowUndefinedStandardErrors = true } };
        var clustered = VarianceEstimator.CR2(d.Cluster);
        var robust = LinAdjustment.Factor(d.Arm, "control", covariates, VarianceEstimator.HC2, options);
        var shared = robust.WithVariance(clustered)!;
        var own = LinAdjustment.Factor(d.Arm, "control", covariates, clustered, options);

        // The robust fit of an outcome, then the clustered fit of the same outcome (solved once) and of another (solved
        // afresh: a kept solution is never taken for other values).
        foreach (var y in new[] { d.Y, d.Yb, d.Y, d.Takeup })
        {
            var first = robust.Fit(y);
            var again = shared.Fit(y);
            var other = shared.Fit([.. y.Select(v => 1 - v)]);
            Assert.Same(first.Model.Estimates, again.Model.Estimates);
            var fresh = own.Fit(y);
            var freshOther = own.Fit([.. y.Select(v => 1 - v)]);
            foreach (var c in fresh.Model.Coefficients)
            {
                Assert.Equal(c.Estimate, again.Model[c.Name].Estimate);
                Assert.Equal(c.StandardError, again.Model[c.Name].StandardError);
                Assert.Equal(c.DegreesOfFreedom, again.Model[c.Name].DegreesOfFreedom);
                Assert.Equal(freshOther.Model[c.Name].Estimate, other.Model[c.Name].Estimate);
                Assert.Equal(freshOther.Model[c.Name].StandardError, other.Model[c.Name].StandardError);
            }
        }

        // A cluster id missing at a row the design uses would drop that row: another design, not a shared one.
        var partly = d.Cluster.Select((c, i) => i == 5 ? null : c).ToArray();
        Assert.Null(robust.WithVariance(VarianceEstimator.CR2(partly)));
    }

    [Fact]
    public void An_outcome_missing_at_a_row_the_design_uses_is_refused()
    {
        var d = RegressionFixtures.Load("balanced");
        var factored = LinearModel.Factor(d.OlsDesign(), VarianceEstimator.HC2);
        var y = d.Y.ToArray();
        y[3] = double.NaN;

        var e = Assert.Throws<ArgumentException>(() => factored.Fit(y));
        Assert.Contains("row 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => factored.Fit(d.Y.Take(10).ToArray()));
        Assert.Throws<ArgumentException>(() => LinearModel.Factor(d.OlsDesign(), VarianceEstimator.HC2, inference: ["no such column"]));
    }

    [Fact]
    public void A_factored_lin_design_equals_lins_fit_of_each_outcome()
    {
        var d = RegressionFixtures.Load("unbalanced");
        var covariates = new DesignBuilder(d.Count).Numeric("age", d.Age).Numeric("income", d.Income).Categorical("education", d.Education, reference: "low").Build();
        var variance = VarianceEstimator.CR2(d.Cluster);
        // As the reports fit it: a covariate slope without variance must not cost the arm effects theirs.
        var options = new LinOptions { Fit = new FitOptions { AllowUndefinedStandardErrors = true } };
        var factored = LinAdjustment.Factor(d.Arm, "control", covariates, variance, options);
        foreach (var y in new[] { d.Yb, d.Y, d.Takeup })
        {
            var shared = factored.Fit(y);
            var own = LinAdjustment.Fit(y, d.Arm, "control", covariates, variance, options);
            Assert.Equal(own.Design.Outcome, shared.Design.Outcome);
            foreach (var effect in own.Effects)
            {
                Assert.Equal(effect.Estimate, shared.Model[effect.Name].Estimate);
                Assert.Equal(effect.StandardError, shared.Model[effect.Name].StandardError);
                Assert.Equal(effect.DegreesOfFreedom, shared.Model[effect.Name].DegreesOfFreedom, 1e-12);
            }
        }
    }

    [Fact]
    public void The_cache_reuses_a_factorisation_only_for_an_equal_design()
    {
        var d = RegressionFixtures.Load("balanced");
        var cache = new FactoredDesignCache();
        var variance = VarianceEstimator.CR2(d.Cluster);
        var first = cache.Factor(d.OlsDesign(), variance);
        var again = cache.Factor(d.OlsDesign(), VarianceEstimator.CR2(d.Cluster));
        var age = d.Age.ToArray();
        age[0] += 1e-9;
        var changed = cache.Factor((d with { Age = age }).OlsDesign(), variance);
        var robust = cache.Factor(d.OlsDesign(), VarianceEstimator.HC2);

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.NotSame(first, robust);
        Assert.Equal(LinearModel.Fit(d.Y, (d with { Age = age }).OlsDesign(), variance)["age"].StandardError, changed.Fit(d.Y)["age"].StandardError);
    }

    [Fact]
    public void The_cache_makes_a_design_under_another_variance_from_the_kept_one_sharing_its_solves()
    {
        var d = RegressionFixtures.Load("unbalanced");
        var cache = new FactoredDesignCache();
        string[] arms = ["arm[A]", "arm[B]"];
        var robust = cache.Factor(d.OlsDesign(), VarianceEstimator.HC2, inference: arms);
        var clustered = cache.Factor(d.OlsDesign(), VarianceEstimator.CR2(d.Cluster), inference: arms);
        var own = LinearModel.Factor(d.OlsDesign(), VarianceEstimator.CR2(d.Cluster), inference: arms);

        Assert.NotSame(robust, clustered);
        Assert.Same(clustered, cache.Factor(d.OlsDesign(), VarianceEstimator.CR2(d.Cluster), inference: arms));
        foreach (var y in new[] { d.Y, d.Yb, d.Y })
        {
            var first = robust.Fit(y);
            var shared = clustered.Fit(y);
            Assert.Same(first.Estimates, shared.Estimates);
            var fresh = own.Fit(y);
            foreach (var c in fresh.Coefficients)
            {
                Assert.Equal(c, shared[c.Name]);
            }
        }
    }

    [Fact]
    public void Twins_that_dropped_other_rows_do_not_share_a_factorisation()
    {
        // Two clusterings each missing one id (at other rows) keep the same number of rows but not the same rows.
        var d = RegressionFixtures.Load("unbalanced");
        var options = new FitOptions { MissingValues = MissingValuePolicy.ListwiseDeletion };
        var first = VarianceEstimator.CR2(d.Cluster.Select((c, i) => i == 5 ? null : c).ToArray());
        var second = VarianceEstimator.CR2(d.Cluster.Select((c, i) => i == 9 ? null : c).ToArray());
        var cache = new FactoredDesignCache();
        _ = cache.Factor(d.OlsDesign(), first, options).Fit(d.Y);
        var twin = cache.Factor(d.OlsDesign(), second, options);

        var y = d.Y.ToArray();
        var fresh = LinearModel.Fit(y, d.OlsDesign(), second, options);
        foreach (var c in fresh.Coefficients)
        {
            Assert.Equal(c, twin.Fit(y)[c.Name]);
        }
    }

    [Fact]
    public void Designs_alike_in_every_hashed_cell_but_unequal_elsewhere_are_not_confused()
    {
        // The key hashes a sample of each column; designs and clusters that differ only between the sampled cells must
        // still get factorisations of their own.
        const int n = 1000;
        var random = new Random(7);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => x[i] + random.NextDouble()).ToArray();
        var clusters = Enumerable.Range(0, n).Select(i => i / 10).ToArray();
        DesignMatrix Design(double[] values) => new DesignBuilder(n).Intercept().Numeric("x", values).Build();
        var nudged = x.ToArray();
        nudged[1] += 0.5;
        var regrouped = clusters.ToArray();
        (regrouped[1], regrouped[11]) = (regrouped[11], regrouped[1]);

        var cache = new FactoredDesignCache();
        var first = cache.Factor(Design(x), VarianceEstimator.CR2(clusters));
        var otherValue = cache.Factor(Design(nudged), VarianceEstimator.CR2(clusters));
        var otherClusters = cache.Factor(Design(x), VarianceEstimator.CR2(regrouped));

        Assert.NotSame(first, otherValue);
        Assert.NotSame(first, otherClusters);
        Assert.Same(first, cache.Factor(Design(x), VarianceEstimator.CR2(clusters)));
        Assert.Equal(LinearModel.Fit(y, Design(nudged), VarianceEstimator.CR2(clusters))["x"].StandardError, otherValue.Fit(y)["x"].StandardError);
        Assert.Equal(LinearModel.Fit(y, Design(x), VarianceEstimator.CR2(regrouped))["x"].StandardError, otherClusters.Fit(y)["x"].StandardError);
    }
}
