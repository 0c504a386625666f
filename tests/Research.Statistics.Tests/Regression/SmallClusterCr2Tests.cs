using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// Unweighted CR2 with many small clusters, whose blocks of the hat matrix are small enough for the binomial series
/// (<see cref="Research.Statistics.LinearAlgebra.BinomialInverseRoot"/>): clusters of 4 rows against 6 columns (through
/// their own n_g × n_g block) and of 12 against 3 (through the k × k cross product), checked against CR2 written out in
/// n × n matrices (<see cref="DenseCr2"/>), whose clusters are decomposed.
/// </summary>
public sealed class SmallClusterCr2Tests
{
    [Theory]
    [InlineData(4, 200, true)]
    [InlineData(12, 80, false)]
    public void Standard_errors_match_the_dense_definition(int clusterSize, int clusters, bool covariates)
    {
        var n = clusterSize * clusters;
        var random = new Random(20261201);
        var cluster = Enumerable.Range(0, n).Select(i => i / clusterSize).ToArray();
        var arm = cluster.Select(g => (g % 3) switch { 0 => "control", 1 => "a", _ => "b" }).ToArray();
        var builder = new DesignBuilder(n).Intercept().Treatment("arm", arm, reference: "control");
        var age = Enumerable.Range(0, n).Select(_ => 30 + (20 * random.NextDouble())).ToArray();
        var score = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var months = Enumerable.Range(0, n).Select(_ => Math.Floor(48 * random.NextDouble())).ToArray();
        if (covariates)
        {
            builder = builder.Numeric("age", age).Numeric("score", score).Numeric("months", months);
        }

        var design = builder.Build();
        var y = Enumerable.Range(0, n).Select(i => (arm[i] == "a" ? 0.3 : 0) + (0.02 * age[i]) + score[i] + (0.5 * random.NextDouble()) + (0.1 * (cluster[i] % 7))).ToArray();

        var fit = LinearModel.Fit(y, design, VarianceEstimator.CR2(cluster));

        var expected = DenseCr2.StandardErrors(design, y, [.. Enumerable.Repeat(1.0, n)], cluster);
        for (var j = 0; j < design.ColumnCount; j++)
        {
            var actual = fit.Coefficients[j].StandardError;
            Assert.True(Math.Abs(actual - expected[j]) <= 1e-12 * expected[j], $"{design.Names[j]}: expected {expected[j]:R}, got {actual:R}");
        }
    }
}
