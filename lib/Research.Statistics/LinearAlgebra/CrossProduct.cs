using System.Buffers;
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
    /// are squared scores, and for the information matrix of likelihood models. Weights longer than the columns (a
    /// pooled buffer) contribute their first values only.
    /// </summary>
    public static double[,] TransposeWeightedSelf(IReadOnlyList<double[]> columns, double[] rowWeights) =>
        Accumulate(columns, rowWeights, null, null);

    /// <summary>
    /// Returns X'v, with the centred columns xⱼ − mⱼc when <paramref name="centering"/> is given. A <paramref name="v"/>
    /// longer than the columns (a pooled buffer) contributes its first values only.
    /// </summary>
    public static double[] TransposeTimes(IReadOnlyList<double[]> columns, double[] v, Centering? centering = null)
    {
        var result = new double[columns.Count];
        SizedParallel.For(columns.Count, (long)columns.Count * (columns.Count == 0 ? 0 : columns[0].Length), j =>
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
        var result = new double[columns.Count == 0 ? 0 : columns[0].Length];
        Times(columns, b, result);
        return result;
    }

    /// <summary>
    /// Writes Xb over the first n values of <paramref name="result"/> (n rows; a pooled buffer may be longer), so that a
    /// fit's temporary products need no fresh memory: at a hundred thousand rows each is a large object the runtime
    /// clears, and memory first touched costs a page fault per 4 KB.
    /// </summary>
    public static void Times(IReadOnlyList<double[]> columns, IReadOnlyList<double> b, double[] result)
    {
        var n = columns.Count == 0 ? 0 : columns[0].Length;
        if (result.Length < n)
        {
            throw new ArgumentException($"A result of {result.Length} values for {n} rows.", nameof(result));
        }

        var blocks = (n + BlockRows - 1) / BlockRows;
        SizedParallel.For(blocks, (long)n * columns.Count, block =>
        {
            var start = block * BlockRows;
            var target = result.AsSpan(start, Math.Min(BlockRows, n - start));
            target.Clear();
            for (var j = 0; j < columns.Count; j++)
            {
                SpanArithmetic.Axpy(b[j], columns[j].AsSpan(start, target.Length), target);
            }
        });
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
        Span<double> tile = stackalloc double[8];
        for (var a = 0; a < k; a += 2)
        {
            // Row a's diagonal pair alone, then rows a and a + 1 together over the columns b > a, four at a time.
            var x0 = Slot(lefts, a);
            sum[(a * k) + a] += SpanArithmetic.Dot(x0, Slot(rights, a));
            if (a + 1 == k)
            {
                break;
            }

            var x1 = Slot(lefts, a + 1);
            var b = a + 1;
            for (; b + 3 < k; b += 4)
            {
                SpanArithmetic.Dot2x4(x0, x1, Slot(rights, b), Slot(rights, b + 1), Slot(rights, b + 2), Slot(rights, b + 3), tile);
                for (var c = 0; c < 4; c++)
                {
                    sum[(a * k) + b + c] += tile[c];
                    sum[((a + 1) * k) + b + c] += tile[4 + c];
                }
            }

            for (; b < k; b++)
            {
                var y = Slot(rights, b);
                sum[(a * k) + b] += SpanArithmetic.Dot(x0, y);
                sum[((a + 1) * k) + b] += SpanArithmetic.Dot(x1, y);
            }
        }
    }
}
