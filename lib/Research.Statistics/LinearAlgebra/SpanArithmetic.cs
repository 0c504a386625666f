using System.Numerics;

namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// The level-1 kernels the hand-written products share, vectorised with <see cref="Vector{T}"/>: MathNet's managed
/// provider does the same arithmetic through matrix objects whose allocation and dispatch cost more than the arithmetic at
/// the sizes of one cluster or one block of rows.
/// </summary>
internal static class SpanArithmetic
{
    /// <summary>x·y over the common length of the spans (which must be equal).</summary>
    public static double Dot(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var length = xs.Length;
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

    /// <summary>
    /// (x − m·c)·y over the common length of the spans (which must be equal), with the centring fused into each term so
    /// that it does not cancel against a separately computed m·(c·y).
    /// </summary>
    public static double CentredDot(ReadOnlySpan<double> xs, double m, ReadOnlySpan<double> cs, ReadOnlySpan<double> ys)
    {
        var length = xs.Length;
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            acc += (new Vector<double>(xs[i..]) - (m * new Vector<double>(cs[i..]))) * new Vector<double>(ys[i..]);
        }

        var sum = Vector.Sum(acc);
        for (; i < length; i++)
        {
            sum += (xs[i] - (m * cs[i])) * ys[i];
        }

        return sum;
    }

    /// <summary>target += a·source, skipped when a is zero (the callers' sparse factors make that common).</summary>
    public static void Axpy(double a, ReadOnlySpan<double> source, Span<double> target)
    {
        if (a != 0)
        {
            AddScaled(a, source, target);
        }
    }

    /// <summary>target += a·source for every a, zero included, so a NaN or infinity in the source always reaches the target.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> source, Span<double> target)
    {
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
}
