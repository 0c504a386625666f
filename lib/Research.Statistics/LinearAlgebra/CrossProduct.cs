using System.Numerics;

namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// Cross products of column-major data (one array per column): X'X and X'v, accumulated over row blocks so the
/// columns of a block stay in cache, vectorised within a block and parallel across blocks.
/// </summary>
public static class CrossProduct
{
    private const int BlockRows = 4096;

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
        Parallel.For(0, columns.Count, j =>
        {
            if (centering is { } c && c.Means[j] != 0)
            {
                // Fused so the centring does not cancel against a separately computed m·c'v.
                var x = columns[j];
                var m = c.Means[j];
                var sum = 0.0;
                for (var i = 0; i < v.Length; i++)
                {
                    sum += (x[i] - (m * c.Column[i])) * v[i];
                }

                result[j] = sum;
            }
            else
            {
                result[j] = Dot(columns[j], v, 0, v.Length);
            }
        });
        return result;
    }

    /// <summary>Returns Xb for coefficients <paramref name="b"/>, block by block so the result block stays in cache.</summary>
    public static double[] Times(IReadOnlyList<double[]> columns, IReadOnlyList<double> b)
    {
        var n = columns.Count == 0 ? 0 : columns[0].Length;
        var result = new double[n];
        var blocks = (n + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, block =>
        {
            var start = block * BlockRows;
            var target = result.AsSpan(start, Math.Min(BlockRows, n - start));
            for (var j = 0; j < columns.Count; j++)
            {
                Axpy(b[j], columns[j].AsSpan(start, target.Length), target);
            }
        });
        return result;
    }

    private static double[,] Accumulate(IReadOnlyList<double[]> columns, double[]? rowWeights, Centering? centering, double[,]? upper)
    {
        var k = columns.Count;
        var n = k == 0 ? 0 : columns[0].Length;
        var blocks = (n + BlockRows - 1) / BlockRows;
        var total = new double[k, k];
        var gate = new object();
        Parallel.For(
            0,
            blocks,
            () => (Sum: new double[k, k], Right: NewBuffers(k), Left: rowWeights is null ? null : NewBuffers(k), Transformed: upper is null ? null : NewBuffers(k)),
            (block, _, local) =>
            {
                var start = block * BlockRows;
                var length = Math.Min(BlockRows, n - start);

                // Copy (centre, weight) the block once so the pair loop is a plain dot product of cached buffers.
                for (var a = 0; a < k; a++)
                {
                    var source = columns[a].AsSpan(start, length);
                    var right = local.Right[a].AsSpan(0, length);
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

                    if (local.Left is not null)
                    {
                        var left = local.Left[a];
                        for (var i = 0; i < length; i++)
                        {
                            left[i] = right[i] * rowWeights![start + i];
                        }
                    }
                }

                var rights = local.Right;
                if (local.Transformed is not null)
                {
                    for (var j = 0; j < k; j++)
                    {
                        var target = local.Transformed[j].AsSpan(0, length);
                        target.Clear();
                        for (var l = 0; l <= j; l++)
                        {
                            Axpy(upper![l, j], rights[l].AsSpan(0, length), target);
                        }
                    }

                    rights = local.Transformed;
                }

                var lefts = local.Left ?? rights;
                for (var a = 0; a < k; a++)
                {
                    var b = a;
                    for (; b + 3 < k; b += 4)
                    {
                        var (s0, s1, s2, s3) = Dot4(lefts[a], rights[b], rights[b + 1], rights[b + 2], rights[b + 3], length);
                        local.Sum[a, b] += s0;
                        local.Sum[a, b + 1] += s1;
                        local.Sum[a, b + 2] += s2;
                        local.Sum[a, b + 3] += s3;
                    }

                    for (; b < k; b++)
                    {
                        local.Sum[a, b] += Dot(lefts[a], rights[b], 0, length);
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (var a = 0; a < k; a++)
                    {
                        for (var b = a; b < k; b++)
                        {
                            total[a, b] += local.Sum[a, b];
                        }
                    }
                }
            });
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < a; b++)
            {
                total[a, b] = total[b, a];
            }
        }

        return total;
    }

    // Four dot products sharing the loads of x: the pair loop of X'X is bound by loads, not arithmetic.
    private static (double, double, double, double) Dot4(double[] x, double[] y0, double[] y1, double[] y2, double[] y3, int length)
    {
        var width = Vector<double>.Count;
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            var vx = new Vector<double>(x, i);
            a0 += vx * new Vector<double>(y0, i);
            a1 += vx * new Vector<double>(y1, i);
            a2 += vx * new Vector<double>(y2, i);
            a3 += vx * new Vector<double>(y3, i);
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

    /// <summary>target += a·source, vectorised.</summary>
    private static void Axpy(double a, ReadOnlySpan<double> source, Span<double> target)
    {
        if (a == 0)
        {
            return;
        }

        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= target.Length - width; i += width)
        {
            (new Vector<double>(target[i..]) + (a * new Vector<double>(source[i..]))).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += a * source[i];
        }
    }

    private static double[][] NewBuffers(int k) => Enumerable.Range(0, k).Select(_ => new double[BlockRows]).ToArray();

    private static double Dot(double[] x, double[] y, int start, int length) => Dot(x, start, y, start, length);

    private static double Dot(double[] x, int xStart, double[] y, int yStart, int length)
    {
        var xs = x.AsSpan(xStart, length);
        var ys = y.AsSpan(yStart, length);
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            acc += new Vector<double>(xs[i..]) * new Vector<double>(ys[i..]);
        }

        var sum = Vector.Sum(acc);
        for (; i < length; i++)
        {
            sum += xs[i] * ys[i];
        }

        return sum;
    }
}
