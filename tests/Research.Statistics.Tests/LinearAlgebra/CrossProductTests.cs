using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Tests.LinearAlgebra;

/// <summary>The blocked kernels against naive sums, with a row count that is not a multiple of the block size.</summary>
public sealed class CrossProductTests
{
    private const int Rows = 10_001;
    private const int Columns = 7;
    private static readonly double[][] X = Generate();

    [Fact]
    public void Centred_and_transformed_cross_products_match_naive_sums()
    {
        var means = new[] { 0.0, 0.3, -1.2, 0, 2.5, 0.1, 7 };
        var centering = new Centering(X[0], means);
        var upper = new double[Columns, Columns];
        for (var i = 0; i < Columns; i++)
        {
            for (var j = i; j < Columns; j++)
            {
                upper[i, j] = 1.0 / (1 + i + (2 * j));
            }
        }

        var plain = CrossProduct.TransposeSelf(X);
        var centred = CrossProduct.TransposeSelf(X, centering);
        var transformed = CrossProduct.TransposeSelf(X, centering, upper);
        var weights = X[1].Select(v => v * v).ToArray();
        var weighted = CrossProduct.TransposeWeightedSelf(X, weights);
        double Centred(int j, int i) => X[j][i] - (means[j] * X[0][i]);
        double Transformed(int j, int i) => Enumerable.Range(0, j + 1).Sum(l => upper[l, j] * Centred(l, i));
        for (var a = 0; a < Columns; a++)
        {
            for (var b = 0; b < Columns; b++)
            {
                Close(Enumerable.Range(0, Rows).Sum(i => X[a][i] * X[b][i]), plain[a, b]);
                Close(Enumerable.Range(0, Rows).Sum(i => Centred(a, i) * Centred(b, i)), centred[a, b]);
                Close(Enumerable.Range(0, Rows).Sum(i => Transformed(a, i) * Transformed(b, i)), transformed[a, b]);
                Close(Enumerable.Range(0, Rows).Sum(i => weights[i] * X[a][i] * X[b][i]), weighted[a, b]);
            }
        }

        var v = X[3];
        var xv = CrossProduct.TransposeTimes(X, v, centering);
        var xb = CrossProduct.Times(X, means);
        for (var j = 0; j < Columns; j++)
        {
            Close(Enumerable.Range(0, Rows).Sum(i => Centred(j, i) * v[i]), xv[j]);
        }

        for (var i = 0; i < Rows; i += 997)
        {
            Close(Enumerable.Range(0, Columns).Sum(j => X[j][i] * means[j]), xb[i]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(10)]
    public void Cross_products_match_naive_sums_for_any_number_of_columns(int columns)
    {
        // Two rows of the pair loop go together over four columns at a time: odd and even counts, with and without a
        // remainder of columns, and a last row on its own.
        var x = X.Take(Math.Min(columns, Columns)).Concat(X.Skip(1).Take(Math.Max(0, columns - Columns)).Select(c => c.Select(v => v * v).ToArray())).ToArray();
        var weights = X[2].Select(v => 1 + (v * v)).ToArray();
        var plain = CrossProduct.TransposeSelf(x);
        var weighted = CrossProduct.TransposeWeightedSelf(x, weights);
        for (var a = 0; a < columns; a++)
        {
            for (var b = 0; b < columns; b++)
            {
                Close(Enumerable.Range(0, Rows).Sum(i => x[a][i] * x[b][i]), plain[a, b]);
                Close(Enumerable.Range(0, Rows).Sum(i => weights[i] * x[a][i] * x[b][i]), weighted[a, b]);
                Assert.Equal(plain[a, b], plain[b, a]);
            }
        }
    }

    [Fact]
    public void A_pooled_buffer_longer_than_the_columns_is_overwritten_and_read_up_to_the_rows_only()
    {
        // A rented array holds whatever its last user left, and may be longer than n.
        var b = new[] { 0.5, -1, 0, 2, 0.25, 3, -0.5 };
        var stale = Enumerable.Repeat(double.NaN, Rows + 37).ToArray();
        CrossProduct.Times(X, b, stale);
        var fresh = CrossProduct.Times(X, b);
        Assert.Equal(fresh, stale.Take(Rows));
        Assert.All(stale.Skip(Rows), v => Assert.True(double.IsNaN(v)));

        var longer = X[4].Concat(Enumerable.Repeat(double.NaN, 37)).ToArray();
        Assert.Equal(CrossProduct.TransposeTimes(X, X[4]), CrossProduct.TransposeTimes(X, longer));
        var weights = X[5].Select(v => v * v).ToArray();
        Assert.Equal(CrossProduct.TransposeWeightedSelf(X, weights), CrossProduct.TransposeWeightedSelf(X, [.. weights, .. longer[^37..]]));
        Assert.Throws<ArgumentException>(() => CrossProduct.Times(X, b, new double[Rows - 1]));
    }

    [Fact]
    public void Cholesky_reports_the_dependent_column_and_its_combination()
    {
        var a = new double[,] { { 4, 2, 6 }, { 2, 5, 3 }, { 6, 3, 9 } };
        Assert.Null(CheckedCholesky.TryFactor(a, out var dependency));
        Assert.Equal(2, dependency!.Column);
        Assert.Equal([0], dependency.Involved.Select(p => p.Column));
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static double[][] Generate()
    {
        var random = new Random(7);
        var columns = Enumerable.Range(0, Columns).Select(_ => Enumerable.Range(0, Rows).Select(_ => random.NextDouble() - 0.3).ToArray()).ToArray();
        Array.Fill(columns[0], 1.0);
        return columns;
    }
}
