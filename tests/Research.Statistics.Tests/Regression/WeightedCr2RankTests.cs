using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// Weighted CR2 where the weights are nearly constant within each cluster, so D_gX_g lies close to, but not in, the span
/// of X_g, in clusters of 8 rows (at most 2k: through their own n_g × n_g Q_g) and of 12 (through an orthonormal basis of
/// [X_g, D_gX_g]). Checked against CR2 written out in n × n matrices as estimatr defines it:
/// Q_g = [(I − H)(I − H)']_gg with H = X(X'DX)⁻¹X'D, A_g = Q_g^(-1/2) and the meat Σ_g X_g'D_gA_ge_g(·)'. A basis from
/// the cross products' pivoted Cholesky, the former route, missed these by up to 10⁻⁷.
/// </summary>
public sealed class WeightedCr2RankTests
{
    private const int Clusters = 8;

    [Theory]
    [InlineData(8, 1e-5)]
    [InlineData(8, 1e-6)]
    [InlineData(8, 3e-7)]
    [InlineData(12, 1e-5)]
    [InlineData(12, 1e-6)]
    [InlineData(12, 3e-7)]
    public void Standard_errors_match_the_dense_definition_when_weights_barely_vary_within_clusters(int clusterSize, double spread)
    {
        var n = Clusters * clusterSize;
        var random = new Random(20261201);
        var cluster = Enumerable.Range(0, n).Select(i => i / clusterSize).ToArray();
        var arm = cluster.Select(g => g % 2 == 0 ? "control" : "treated").ToArray();
        var age = Enumerable.Range(0, n).Select(_ => 30 + (20 * random.NextDouble())).ToArray();
        var score = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (0.3 * (arm[i] == "treated" ? 1 : 0)) + (0.02 * age[i]) + score[i] + random.NextDouble()).ToArray();
        var level = Enumerable.Range(0, Clusters).Select(g => 0.5 + g).ToArray();
        var weights = cluster.Select(g => level[g] * (1 + (spread * (random.NextDouble() - 0.5)))).ToArray();
        var design = new DesignBuilder(n).Intercept().Treatment("arm", arm, reference: "control").Numeric("age", age).Numeric("score", score).Build();

        var fit = LinearModel.Fit(y, design, VarianceEstimator.CR2(cluster), new FitOptions { Weights = weights });

        var expected = DenseCr2.StandardErrors(design, y, weights, cluster);
        for (var j = 0; j < design.ColumnCount; j++)
        {
            var actual = fit.Coefficients[j].StandardError;
            Assert.True(Math.Abs(actual - expected[j]) <= 1e-11 * expected[j], $"{design.Names[j]}: expected {expected[j]:R}, got {actual:R}");
        }
    }
}
