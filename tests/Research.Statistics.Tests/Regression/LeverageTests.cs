using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>The hat values computed in blocks of rows against the column-at-a-time sums they replaced.</summary>
public sealed class LeverageTests
{
    [Fact]
    public void Blocks_of_rows_give_the_sums_over_whole_columns_bit_for_bit()
    {
        // 2,500 rows: two whole blocks and a remainder; an upper-triangular factor with zeros, which are skipped.
        const int n = 2_500;
        const int k = 6;
        var random = new Random(15);
        var columns = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.4).ToArray()).ToArray();
        var factor = new double[k, k];
        for (var p = 0; p < k; p++)
        {
            for (var j = p; j < k; j++)
            {
                factor[p, j] = (p + j) % 3 == 0 ? 0 : (random.NextDouble() - 0.5) / (1 + j);
            }
        }

        var expected = new double[n];
        var z = new double[n];
        for (var j = 0; j < k; j++)
        {
            Array.Clear(z);
            for (var p = 0; p < k; p++)
            {
                if (factor[p, j] != 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        z[i] += factor[p, j] * columns[p][i];
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                expected[i] += z[i] * z[i];
            }
        }

        var leverage = Leverage.Compute(columns, factor);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), leverage.Select(BitConverter.DoubleToInt64Bits));
    }
}
