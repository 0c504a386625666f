using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Tests.LinearAlgebra;

/// <summary>The row-wise vectorised product against the entry-by-entry definition.</summary>
public sealed class SmallMatrixTests
{
    [Fact]
    public void Multiply_gives_the_entry_by_entry_sums_bit_for_bit_at_every_shape()
    {
        var random = new Random(20261201);
        for (var m = 1; m <= 6; m++)
        {
            for (var p = 1; p <= 6; p++)
            {
                // Widths below, at and above a vector register, with a remainder.
                foreach (var q in new[] { 1, 3, 4, 5, 8, 9, 13 })
                {
                    var a = Fill(m, p, random);
                    var b = Fill(p, q, random);
                    var product = SmallMatrix.Multiply(a, b);
                    for (var i = 0; i < m; i++)
                    {
                        for (var j = 0; j < q; j++)
                        {
                            var expected = 0.0;
                            for (var l = 0; l < p; l++)
                            {
                                expected += a[i, l] * b[l, j];
                            }

                            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(product[i, j]));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void TransposeSelf_gives_the_row_by_row_sums_bit_for_bit_at_every_width()
    {
        var random = new Random(20261202);
        foreach (var columns in new[] { 1, 3, 4, 5, 8, 9, 13 })
        {
            var u = new double[37 * columns];
            for (var i = 0; i < u.Length; i++)
            {
                // Some exact zeros, which the product skips, among values of mixed magnitude.
                u[i] = random.Next(5) == 0 ? 0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4));
            }

            var product = SmallMatrix.TransposeSelf(u, 37, columns);
            for (var a = 0; a < columns; a++)
            {
                for (var b = 0; b < columns; b++)
                {
                    var (low, high) = (Math.Min(a, b), Math.Max(a, b));
                    var expected = 0.0;
                    for (var r = 0; r < 37; r++)
                    {
                        if (u[(r * columns) + low] != 0)
                        {
                            expected += u[(r * columns) + low] * u[(r * columns) + high];
                        }
                    }

                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(product[a, b]));
                }
            }
        }
    }

    [Fact]
    public void Multiply_keeps_a_missing_value_even_against_a_zero()
    {
        var product = SmallMatrix.Multiply(new double[,] { { 0, 1 } }, new double[,] { { double.NaN, 1, 1, 1, 1 }, { 1, 1, 1, 1, 1 } });

        Assert.True(double.IsNaN(product[0, 0]));
        Assert.Equal(1, product[0, 4]);
    }

    [Fact]
    public void Multiply_rejects_inner_dimensions_that_differ() =>
        Assert.Throws<ArgumentException>(() => SmallMatrix.Multiply(new double[2, 3], new double[2, 3]));

    private static double[,] Fill(int rows, int columns, Random random)
    {
        var result = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                result[i, j] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4));
            }
        }

        return result;
    }
}
