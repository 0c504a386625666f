using Research.Statistics.LinearAlgebra;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Regression;

/// <summary>Diagonal of the hat matrix, hᵢ = xᵢ'Mxᵢ = ‖F'xᵢ‖² for M = FF'.</summary>
internal static class Leverage
{
    /// <summary>Rows per block: the block of one column of XF (8 KB) stays in the first-level cache while the k columns of X add to it.</summary>
    private const int BlockRows = 1024;

    /// <summary>The hat values hᵢ = xᵢ'Mxᵢ.</summary>
    /// <remarks>
    /// Block by block of consecutive rows, and within a block column by column of F: zⱼ = Σₚ Fₚⱼxₚ, then hᵢ += zᵢⱼ². Every
    /// row's sum runs in the same order (p, then j) as over whole columns, so the blocking does not change a bit; over
    /// whole columns each of the k² passes streamed two arrays of n values from memory (at 100,000 rows and 65 columns
    /// about 7 GB per design).
    /// </remarks>
    public static double[] Compute(IReadOnlyList<double[]> columns, double[,] factor) => Compute(columns, factor, []).Leverage;

    /// <summary>
    /// The hat values, and for each coefficient s of <paramref name="coefficients"/> every row's weight in its estimate,
    /// aᵢₛ = (Mxᵢ)ₛ = Σⱼ Fₛⱼ(F'xᵢ)ⱼ (so b̂ₛ = Σᵢ aᵢₛyᵢ), from the same blocks of XF.
    /// </summary>
    /// <remarks>
    /// A sandwich variance of those coefficients alone is Σᵢ ωᵢaᵢₛaᵢₜ for row weights ωᵢ (the squared scores, HC2's over
    /// 1 − hᵢ): n·t² per fit against n·k²/2 for the whole meat X'ΩX. The hat values are computed exactly as by
    /// <see cref="Compute(IReadOnlyList{double[]}, double[,])"/>, bit for bit.
    /// </remarks>
    public static (double[] Leverage, double[][] Projections) Compute(IReadOnlyList<double[]> columns, double[,] factor, IReadOnlyList<int> coefficients)
    {
        var k = columns.Count;
        var n = columns[0].Length;
        var h = new double[n];
        var projections = coefficients.Select(_ => new double[n]).ToArray();
        var blocks = (n + BlockRows - 1) / BlockRows;
        SizedParallel.For(blocks, (long)n * k * (k + coefficients.Count), block =>
        {
            var start = block * BlockRows;
            var length = Math.Min(BlockRows, n - start);
            var target = h.AsSpan(start, length);
            Span<double> z = stackalloc double[BlockRows];
            z = z[..length];
            for (var j = 0; j < k; j++)
            {
                z.Clear();
                for (var p = 0; p < k; p++)
                {
                    SpanArithmetic.Axpy(factor[p, j], columns[p].AsSpan(start, length), z);
                }

                SpanArithmetic.AddSquares(z, target);
                for (var s = 0; s < projections.Length; s++)
                {
                    SpanArithmetic.Axpy(factor[coefficients[s], j], z, projections[s].AsSpan(start, length));
                }
            }
        });
        return (h, projections);
    }
}
