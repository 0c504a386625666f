using System.Buffers;
using System.Numerics;
using Research.Statistics.Parallelism;

namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// Cross products of column-major data (one array per column): X'X and X'v, accumulated over row blocks so the
/// columns of a block stay in cache, vectorised within a block and parallel across blocks when there is enough work
/// (<see cref="SizedParallel"/>).
/// </summary>
public static class CrossProduct
{
    // A block's copied columns and their weighted copies at k = 65 (1 MB) fit in a core's second-level cache (1.25 MB
    // on the bench machine); blocks of 4,096 rows did not, and X'WX of 102,000 × 65 took 1.4–1.8 times as long.
    private const int BlockRows = 1024;

    /// <summary>Row blocks are summed in at most this many chunks of consecutive blocks, in parallel.</summary>
    private const int MaxChunks = 64;

    /// <summary>
    /// Returns the symmetric k × k matrix X'X of the <paramref name="columns"/> (each of equal length), of the centred
    /// columns xⱼ − mⱼc when <paramref name="centering"/> is given.
    /// </summary>
    public static double[,] TransposeSelf(IReadOnlyList<double[]> columns, Centering? centering = null) => Accumulate(columns, null, centering, null);

    /// <summary>
    /// Returns (XT)'(XT) for an upper-triangular <paramref name="upper"/> T, applied block by block without forming
    /// XT; with T = R⁻¹ from a first Cholesky factor this is the second pass of CholeskyQR2.
    /// </summary>
    public static double[,] TransposeSelf(IReadOnlyList<double[]> columns, Centering? centering, double[,] upper) =>
        Accumulate(columns, null, centering, upper);

    /// <summary>
    /// Returns X'diag(<paramref name="rowWeights"/>)X, i.e. Σᵢ wᵢ xᵢxᵢ'. Used for sandwich meats, where the weights
    /// are squared scores, and for the information matrix of likelihood models.
    /// </summary>
    public static double[,] TransposeWeightedSelf(IReadOnlyList<double[]> columns, double[] rowWeights) =>
        Accumulate(columns, rowWeights, null, null);

    /// <summary>Returns X'v, with the centred columns xⱼ − mⱼc when <paramref name="centering"/> is given.</summary>
    public static double[] TransposeTimes(IReadOnlyList<double[]> columns, double[] v, Centering? centering = null)
    {
        var result = new double[columns.Count];
        SizedParallel.For(columns.Count, (long)columns.Count * v.Length, j =>
        {
            result[j] = centering is { } c && c.Means[j] != 0
                ? SpanArithmetic.CentredDot(columns[j], c.Means[j], c.Column, v)
                : SpanArithmetic.Dot(columns[j], v);
        });
        return result;
    }

    /// <summary>Returns Xb for coefficients <paramref name="b"/>, block by block so the result block stays in cache.</summary>
    public static double[] Times(IReadOnlyList<double[]> columns, IReadOnlyList<double> b)
    {
        var n = columns.Count == 0 ? 0 : columns[0].Length;
        var result = new double[n];
        var blocks = (n + BlockRows - 1) / BlockRows;
        SizedParallel.For(blocks, (long)n * columns.Count, block =>
        {
            var start = block * BlockRows;
            var target = result.AsSpan(start, Math.Min(BlockRows, n - start));
            for (var j = 0; j < columns.Count; j++)
            {
                SpanArithmetic.Axpy(b[j], columns[j].AsSpan(start, target.Length), target);
            }
        });
        return result;
    }

    private static double[,] Accumulate(IReadOnlyList<double[]> columns, double[]? rowWeights, Centering? centering, double[,]? upper)
    {
        var k = columns.Count;
        var n = k == 0 ? 0 : columns[0].Length;
        var blocks = (n + BlockRows - 1) / BlockRows;

        // A fixed split into chunks of consecutive blocks, each summed in order and the chunks added in order, so the
        // result does not depend on the number of processors or on which thread finishes first.
        var chunks = Math.Min(blocks, MaxChunks);
        var partial = new double[chunks][];
        var buffers = 1 + (rowWeights is null ? 0 : 1) + (upper is null ? 0 : 1);
        SizedParallel.For(chunks, (long)n * k * k / 2, chunk =>
        {
            // Rented: a fit's sandwich meat would otherwise allocate (and the runtime clear) k block buffers per call.
            var buffer = ArrayPool<double>.Shared.Rent(buffers * k * BlockRows);
            try
            {
                var sum = new double[k * k];
                for (var block = chunk * blocks / chunks; block < (chunk + 1) * blocks / chunks; block++)
                {
                    AccumulateBlock(columns, rowWeights, centering, upper, block * BlockRows, Math.Min(BlockRows, n - (block * BlockRows)), buffer, sum);
                }

                partial[chunk] = sum;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
        });

        var total = new double[k, k];
        foreach (var sum in partial)
        {
            for (var a = 0; a < k; a++)
            {
                for (var b = a; b < k; b++)
                {
                    total[a, b] += sum[(a * k) + b];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < a; b++)
            {
                total[a, b] = total[b, a];
            }
        }

        return total;
    }

    /// <summary>Adds the upper triangle of one block's cross product to <paramref name="sum"/> (k × k, row-major).</summary>
    private static void AccumulateBlock(IReadOnlyList<double[]> columns, double[]? rowWeights, Centering? centering, double[,]? upper, int start, int length, double[] buffer, double[] sum)
    {
        var k = columns.Count;
        Span<double> Slot(int set, int column) => buffer.AsSpan(((set * k) + column) * BlockRows, length);

        // Copy (centre, weight) the block once so the pair loop is a plain dot product of cached buffers.
        for (var a = 0; a < k; a++)
        {
            var source = columns[a].AsSpan(start, length);
            var right = Slot(0, a);
            var m = centering?.Means[a] ?? 0;
            if (m == 0)
            {
                source.CopyTo(right);
            }
            else
            {
                var c = centering!.Value.Column.AsSpan(start, length);
                for (var i = 0; i < length; i++)
                {
                    right[i] = source[i] - (m * c[i]);
                }
            }

            if (rowWeights is not null)
            {
                var left = Slot(1, a);
                for (var i = 0; i < length; i++)
                {
                    left[i] = right[i] * rowWeights[start + i];
                }
            }
        }

        var rights = 0;
        if (upper is not null)
        {
            var transformed = rowWeights is null ? 1 : 2;
            for (var j = 0; j < k; j++)
            {
                var target = Slot(transformed, j);
                target.Clear();
                for (var l = 0; l <= j; l++)
                {
                    SpanArithmetic.Axpy(upper[l, j], Slot(0, l), target);
                }
            }

            rights = transformed;
        }

        var lefts = rowWeights is null ? rights : 1;
        for (var a = 0; a < k; a++)
        {
            var x = Slot(lefts, a);
            var b = a;
            for (; b + 3 < k; b += 4)
            {
                var (s0, s1, s2, s3) = Dot4(x, Slot(rights, b), Slot(rights, b + 1), Slot(rights, b + 2), Slot(rights, b + 3));
                sum[(a * k) + b] += s0;
                sum[(a * k) + b + 1] += s1;
                sum[(a * k) + b + 2] += s2;
                sum[(a * k) + b + 3] += s3;
            }

            for (; b < k; b++)
            {
                sum[(a * k) + b] += SpanArithmetic.Dot(x, Slot(rights, b));
            }
        }
    }

    // Four dot products sharing the loads of x: the pair loop of X'X is bound by loads, not arithmetic.
    private static (double, double, double, double) Dot4(ReadOnlySpan<double> x, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> y2, ReadOnlySpan<double> y3)
    {
        var length = x.Length;
        var width = Vector<double>.Count;
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            var vx = new Vector<double>(x[i..]);
            a0 += vx * new Vector<double>(y0[i..]);
            a1 += vx * new Vector<double>(y1[i..]);
            a2 += vx * new Vector<double>(y2[i..]);
            a3 += vx * new Vector<double>(y3[i..]);
        }

        double s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
        for (; i < length; i++)
        {
            s0 += x[i] * y0[i];
            s1 += x[i] * y1[i];
            s2 += x[i] * y2[i];
            s3 += x[i] * y3[i];
        }

        return (s0, s1, s2, s3);
    }
}
