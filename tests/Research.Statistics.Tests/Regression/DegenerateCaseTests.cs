using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>Degenerate inputs are detected and reported with a message naming the cause, never a silent NaN.</summary>
public sealed class DegenerateCaseTests
{
    private static readonly Dataset D = RegressionFixtures.Load("balanced");

    private static DesignBuilder Base() => new DesignBuilder(D.Count).Intercept().Treatment("arm", D.Arm, reference: "control").Numeric("age", D.Age);

    [Fact]
    public void Collinear_column_is_named_with_the_columns_it_depends_on()
    {
        var design = Base().Numeric("age_months", D.Age.Select(a => 12 * a).ToArray()).Build();
        var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(D.Y, design, VarianceEstimator.HC1));
        Assert.Contains("'age_months' is (numerically) a linear combination of 'age'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_covariate_is_blamed_on_the_intercept()
    {
        var design = Base().Numeric("constant", Enumerable.Repeat(3.0, D.Count).ToArray()).Build();
        var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(D.Y, design, VarianceEstimator.Classical));
        Assert.Contains("'constant'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'(Intercept)'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_that_never_occurs_is_reported_as_an_all_zero_column()
    {
        var design = Base().Categorical("education", D.Education, reference: "low", levels: ["low", "mid", "high", "phd"]).Build();
        var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(D.Y, design, VarianceEstimator.HC1));
        Assert.Contains("'education[phd]' is all zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_outcome_is_reported()
    {
        var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(Enumerable.Repeat(1.0, D.Count).ToArray(), Base().Build(), VarianceEstimator.HC1));
        Assert.Contains("outcome 'y' is constant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_are_an_error_by_default_naming_column_and_row()
    {
        var age = D.Age.ToArray();
        age[7] = double.NaN;
        var design = new DesignBuilder(D.Count).Intercept().Numeric("age", age).Build();
        var error = Assert.Throws<ArgumentException>(() => LinearModel.Fit(D.Y, design, VarianceEstimator.HC1));
        Assert.Contains("column 'age' first at row 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListwiseDeletion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listwise_deletion_reports_the_dropped_rows_and_equals_the_fit_without_them()
    {
        var y = D.Y.ToArray();
        y[3] = double.NaN;
        var education = D.Education.Select(e => (string?)e).ToArray();
        education[10] = null;
        var clusters = D.Cluster.Select(c => (string?)c).ToArray();
        clusters[20] = null;
        DesignMatrix Design(IReadOnlyList<string?> edu, IReadOnlyList<string> arm, IReadOnlyList<double> age) =>
            new DesignBuilder(age.Count).Intercept().Treatment("arm", arm, reference: "control").Numeric("age", age).Categorical("education", edu, reference: "low").Build();

        var fit = LinearModel.Fit(y, Design(education, D.Arm, D.Age), VarianceEstimator.CR2(clusters), new FitOptions { MissingValues = MissingValuePolicy.ListwiseDeletion });

        var kept = Enumerable.Range(0, D.Count).Where(i => i is not (3 or 10 or 20)).ToArray();
        var manual = LinearModel.Fit(
            kept.Select(i => y[i]).ToArray(),
            Design(kept.Select(i => education[i]).ToArray(), kept.Select(i => D.Arm[i]).ToArray(), kept.Select(i => D.Age[i]).ToArray()),
            VarianceEstimator.CR2(kept.Select(i => clusters[i]).ToArray()));
        Assert.Equal(3, fit.DroppedRowCount);
        Assert.Equal(D.Count - 3, fit.ObservationCount);
        Assert.Contains("3 rows with missing values dropped", fit.ToString(), StringComparison.Ordinal);
        for (var j = 0; j < fit.CoefficientCount; j++)
        {
            RegressionFixtures.Close(manual.Coefficients[j].StandardError, fit.Coefficients[j].StandardError, 1e-12, fit.Names[j]);
            RegressionFixtures.Close(manual.Coefficients[j].DegreesOfFreedom, fit.Coefficients[j].DegreesOfFreedom, 1e-12, fit.Names[j]);
        }
    }

    [Fact]
    public void One_cluster_is_reported()
    {
        var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(D.Y, Base().Build(), VarianceEstimator.CR1(Enumerable.Repeat(5, D.Count).ToArray())));
        Assert.Contains("at least 2 clusters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Singleton_clusters_are_noted()
    {
        var d = RegressionFixtures.Load("unbalanced");
        var fit = LinearModel.Fit(d.Y, d.OlsDesign(), VarianceEstimator.CR2(d.Cluster));
        Assert.Contains(fit.Notes, n => n.StartsWith("3 of 20 clusters are singletons", StringComparison.Ordinal));
        Assert.Contains("Note: 3 of 20 clusters are singletons", fit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Few_clusters_under_CR1_are_noted()
    {
        var d = RegressionFixtures.Load("few");
        var fit = LinearModel.Fit(d.Y, d.OlsDesign(), VarianceEstimator.CR1(d.Cluster));
        Assert.Contains(fit.Notes, n => n.StartsWith("Only 6 clusters", StringComparison.Ordinal));
        Assert.DoesNotContain(LinearModel.Fit(d.Y, d.OlsDesign(), VarianceEstimator.CR2(d.Cluster)).Notes, n => n.StartsWith("Only", StringComparison.Ordinal));
    }

    [Fact]
    public void Leverage_one_under_HC2_is_reported()
    {
        var group = Enumerable.Range(0, D.Count).Select(i => i == 5 ? "alone" : "rest").ToArray();
        var design = Base().Categorical("group", group, reference: "rest").Build();
        var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(D.Y, design, VarianceEstimator.HC2));
        Assert.Contains("Row 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("leverage 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arm_that_perfectly_predicts_the_outcome_is_named()
    {
        var yb = D.Yb.Select((v, i) => D.Arm[i] == "B" ? 1.0 : v).ToArray();
        var error = Assert.Throws<DegenerateModelException>(() => BinaryModel.Logit(yb, Base().Build(), VarianceEstimator.HC1));
        Assert.Contains("all", error.Message, StringComparison.Ordinal);
        Assert.Contains("'arm[B]' = 1 have y = 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BinaryLink.Logit)]
    [InlineData(BinaryLink.Probit)]
    public void Complete_separation_by_a_continuous_covariate_is_named(BinaryLink link)
    {
        var yb = D.Age.Select(a => a > 40 ? 1.0 : 0.0).ToArray();
        var error = Assert.Throws<DegenerateModelException>(() => BinaryModel.Fit(yb, Base().Build(), link, VarianceEstimator.Classical));
        Assert.Contains("separated", error.Message, StringComparison.Ordinal);
        Assert.Contains("'age'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_outcome_must_be_zero_or_one()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryModel.Probit(D.Y, Base().Build(), VarianceEstimator.HC1));
        Assert.Contains("must be 0 or 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CR2_for_logit_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => BinaryModel.Logit(D.Yb, Base().Build(), VarianceEstimator.CR2(D.Cluster)));
    }

    [Fact]
    public void Report_is_culture_invariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
            var fit = LinearModel.Fit(D.Y, D.OlsDesign(), VarianceEstimator.CR2(D.Cluster));
            var text = fit.ToString();
            Assert.Contains(fit["age"].Estimate.ToString("G6", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.Contains("CR2 (Bell-McCaffrey", text, StringComparison.Ordinal);
            Assert.Contains("[95% CI]", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
