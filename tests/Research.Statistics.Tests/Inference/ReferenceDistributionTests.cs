using Research.Statistics.Inference;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Inference;

/// <summary>t quantiles against R's <c>qt</c>, and a clear failure where no finite quantile exists.</summary>
public sealed class ReferenceDistributionTests
{
    [Theory]
    [InlineData(5.0, 2.5705818356363137)] // qt(0.975, 5)
    [InlineData(1.0, 12.706204736174694)] // qt(0.975, 1)
    public void Critical_value_matches_R(double df, double expected) =>
        Assert.Equal(expected, ReferenceDistribution.CriticalValue(0.95, df), 1e-8);

    [Fact]
    public void Too_few_degrees_of_freedom_are_a_degenerate_model_not_a_root_finder_failure()
    {
        var error = Assert.Throws<DegenerateModelException>(() => ReferenceDistribution.CriticalValue(0.95, 1e-4));
        Assert.Contains("degrees of freedom", error.Message, StringComparison.Ordinal);
    }
}
