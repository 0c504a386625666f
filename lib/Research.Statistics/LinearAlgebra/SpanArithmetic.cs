using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// The level-1 kernels the hand-written products share, vectorised with <see cref="Vector{T}"/>: MathNet's managed
/// provider does the same arithmetic through matrix objects whose allocation and dispatch cost more than the arithmetic at
/// the sizes of one cluster or one block of rows.
/// </summary>
/// <remarks>
/// Vectors are read and written through references at offsets after one check of the spans' lengths: slicing a span for
/// every vector cost as much as the arithmetic (axpy and dot products of 1,024 values 1.4–1.7 times as fast without).
/// Every element is computed by the same operations in the same order either way, so the results are the same bits.
/// </remarks>
internal static class SpanArithmetic
{
    /// <summary>x·y over the common length of the spans (which must be equal).</summary>
    public static double Dot(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var length = xs.Length;
        RequireLength(ys, length);
        ref var x = ref MemoryMarshal.GetReference(xs);
        ref var y = ref MemoryMarshal.GetReference(ys);
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            acc += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref y, (nuint)i);
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
        RequireLength(cs, length);
        RequireLength(ys, length);
        ref var x = ref MemoryMarshal.GetReference(xs);
        ref var c = ref MemoryMarshal.GetReference(cs);
        ref var y = ref MemoryMarshal.GetReference(ys);
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            var at = (nuint)i;
            acc += (Vector.LoadUnsafe(ref x, at) - (m * Vector.LoadUnsafe(ref c, at))) * Vector.LoadUnsafe(ref y, at);
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
        var length = target.Length;
        RequireLength(source, length);
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var t = ref MemoryMarshal.GetReference(target);
        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            var at = (nuint)i;
            (Vector.LoadUnsafe(ref t, at) + (a * Vector.LoadUnsafe(ref s, at))).StoreUnsafe(ref t, at);
        }

        for (; i < length; i++)
        {
            target[i] += a * source[i];
        }
    }

    /// <summary>target += x² element by element (each product rounded, then added, as the scalar loop would).</summary>
    public static void AddSquares(ReadOnlySpan<double> xs, Span<double> target)
    {
        var length = target.Length;
        RequireLength(xs, length);
        ref var x = ref MemoryMarshal.GetReference(xs);
        ref var t = ref MemoryMarshal.GetReference(target);
        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            var at = (nuint)i;
            var v = Vector.LoadUnsafe(ref x, at);
            (Vector.LoadUnsafe(ref t, at) + (v * v)).StoreUnsafe(ref t, at);
        }

        for (; i < length; i++)
        {
            target[i] += xs[i] * xs[i];
        }
    }

    /// <summary>Refuses an operand shorter than the loop, which reading through a reference would otherwise overrun.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireLength(ReadOnlySpan<double> operand, int length)
    {
        if (operand.Length < length)
        {
            Short(operand.Length, length);
        }
    }

    // Apart, so that the check above is inlined into the kernels (a method that throws is not).
    [DoesNotReturn]
    private static void Short(int operand, int length) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An operand of {operand} values for a loop over {length}."));
}
