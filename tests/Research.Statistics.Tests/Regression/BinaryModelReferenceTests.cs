using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// Logit and probit against glm (polished to convergence) with sandwich::vcovHC (HC0–HC3) / vcovCL (CR0, CR1), and average marginal effects
/// against an R computation with a numDeriv (Richardson) Jacobian (make_fixtures.R). Tolerance 1e-8 relative
/// throughout, 1e-7 for p-values (a relative error ε in z moves p by about z²ε relative).
/// </summary>
public sealed class BinaryModelReferenceTests
{
    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var dataset in RegressionFixtures.DatasetNames)
        {
            foreach (var link in new[] { "logit", "probit" })
            {
                foreach (var se in new[] { "classical", "HC0", "HC1", "HC2", "HC3", "CR0", "CR1" })
                {
                    data.Add(dataset, link, se, false);
                    if (dataset is "balanced" or "unbalanced")
                    {
                        data.Add(dataset, link, se, true);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Coefficients_and_marginal_effects_match_R(string dataset, string link, string se, bool weighted)
    {
        var d = RegressionFixtures.Load(dataset);
        var options = weighted ? new FitOptions { Weights = d.W } : FitOptions.Default;
        var fit = BinaryModel.Fit(d.Yb, d.BinaryDesign(), link == "logit" ? BinaryLink.Logit : BinaryLink.Probit, LinearModelReferenceTests.Estimator(se, d), options);
        var model = weighted ? link + "_weighted" : link;

        Compare(RegressionFixtures.Coefficients(dataset, model, se), fit.Coefficients, 1e-8, $"{dataset} {model} {se}");
        Compare(RegressionFixtures.Coefficients(dataset, model + "_ame", se), fit.AverageMarginalEffects().Effects, 1e-8, $"{dataset} {model} AME {se}");
        if (!weighted)
        {
            // R's logLik for a binomial glm rounds non-integer prior weights, so only the deviance is compared when weighted.
            RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, model, "classical", "log_likelihood"), fit.LogLikelihood, 1e-10, "log-likelihood");
        }

        RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, model, "classical", "deviance"), fit.Deviance, 1e-10, "deviance");
        Assert.StartsWith(link == "logit" ? "Logit model for y" : "Probit model for y", fit.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Average marginal effects", fit.AverageMarginalEffects().ToString(), StringComparison.Ordinal);
    }

    private static void Compare(Dictionary<string, Dictionary<string, string>> reference, IReadOnlyList<Coefficient> actual, double tolerance, string label)
    {
        Assert.Equal(reference.Count, actual.Count);
        foreach (var c in actual)
        {
            var r = reference[c.Name];
            var what = $"{label} {c.Name}";
            RegressionFixtures.Close(RegressionFixtures.Parse(r["estimate"]), c.Estimate, tolerance, what + " estimate");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["std_error"]), c.StandardError, tolerance, what + " se");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["p_value"]), c.PValue, tolerance * 10, what + " p");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["conf_low"]), c.ConfidenceLow, tolerance, what + " CI low");
            Assert.True(double.IsPositiveInfinity(c.DegreesOfFreedom));
        }
    }
}
