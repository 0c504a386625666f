using Research.Statistics.Balance;
using Research.Statistics.Design;

namespace Research.Statistics.Tests.Regression;

/// <summary>Balance table against R: means, sd(), the pooled-SD standardized difference and car::linearHypothesis with HC1.</summary>
public sealed class BalanceTableReferenceTests
{
    public static TheoryData<string> Datasets() => [.. RegressionFixtures.DatasetNames];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Table_matches_R(string dataset)
    {
        var d = RegressionFixtures.Load(dataset);
        var covariates = new DesignBuilder(d.Count).Numeric("age", d.Age).Numeric("income", d.Income)
            .Categorical("education", d.Education, reference: "low").Numeric("near", d.Near).Build();
        var table = BalanceTable.Compute(d.Arm, "control", covariates);

        Assert.Equal(["control", "A", "B"], table.Arms);
        foreach (var row in table.Rows)
        {
            for (var a = 0; a < 3; a++)
            {
                var arm = table.Arms[a];
                RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, "balance", arm, "mean_" + row.Covariate), row.Means[a], 1e-12, $"mean {row.Covariate} {arm}");
                RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, "balance", arm, "sd_" + row.Covariate), row.StandardDeviations[a], 1e-12, $"sd {row.Covariate} {arm}");
                if (a > 0)
                {
                    RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, "balance", arm, "smd_" + row.Covariate), row.StandardizedDifferences[a - 1], 1e-10, $"smd {row.Covariate} {arm}");
                }
            }
        }

        foreach (var (arm, test) in new[] { "A", "B" }.Zip(table.JointTests))
        {
            RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, "balance", "HC1", "joint_F_" + arm), test.F, 1e-8, $"joint F {arm}");
            RegressionFixtures.Close(RegressionFixtures.Scalar(dataset, "balance", "HC1", "joint_p_" + arm), test.PValue, 1e-8, $"joint p {arm}");
            Assert.Equal(RegressionFixtures.Scalar(dataset, "balance", "HC1", "joint_df1_" + arm), test.NumeratorDf);
            Assert.Equal(RegressionFixtures.Scalar(dataset, "balance", "HC1", "joint_df2_" + arm), test.DenominatorDf);
        }

        Assert.Contains("SMD", table.ToString(), StringComparison.Ordinal);
    }
}
