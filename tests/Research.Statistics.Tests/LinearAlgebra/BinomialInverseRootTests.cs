using MathNet.Numerics.LinearAlgebra;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Tests.LinearAlgebra;

public sealed class BinomialInverseRootTests
{
    [Theory]
    [InlineData(5, 0.001)]
    [InlineData(12, 0.02)]
    [InlineData(30, 0.08)]
    [InlineData(30, 0.124)]
    public void Equals_the_inverse_root_from_the_eigen_decomposition(int d, double norm)
    {
        var s = RandomSymmetric(d, norm, new Random(d));

        var series = BinomialInverseRoot.TryCompute(s, d);

        Assert.NotNull(series);
        var evd = Matrix<double>.Build.Dense(d, d, (i, j) => (i == j ? 1 : 0) - s[(i * d) + j]).Evd(Symmetricity.Symmetric);
        var root = evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(evd.EigenValues.Real().Map(l => 1 / Math.Sqrt(l))) * evd.EigenVectors.Transpose();
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                Assert.True(Math.Abs(series[(i * d) + j] - root[i, j]) <= 1e-14, $"({i}, {j}): series {series[(i * d) + j]:R}, eigen-decomposition {root[i, j]:R}");
            }
        }
    }

    [Fact]
    public void Refuses_a_matrix_whose_norm_exceeds_the_bound()
    {
        var s = RandomSymmetric(6, 0.13, new Random(6));

        Assert.Null(BinomialInverseRoot.TryCompute(s, 6));
    }

    [Fact]
    public void Gives_the_identity_for_zero_and_refuses_a_NaN()
    {
        var identity = BinomialInverseRoot.TryCompute(new double[9], 3);

        Assert.NotNull(identity);
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 1], identity);
        Assert.Null(BinomialInverseRoot.TryCompute([double.NaN, 0, 0, 0], 2));
    }

    // A symmetric matrix with eigenvalues of both signs and the given Frobenius norm.
    private static double[] RandomSymmetric(int d, double norm, Random random)
    {
        var s = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                s[(i * d) + j] = s[(j * d) + i] = random.NextDouble() - 0.5;
            }
        }

        var scale = norm / Math.Sqrt(s.Sum(v => v * v));
        return [.. s.Select(v => v * scale)];
    }
}
