using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Research.Statistics.LinearAlgebra;

/// <summary>Operations on small dense k × k matrices (k = number of coefficients) stored as <c>double[,]</c>.</summary>
public static class SmallMatrix
{
    /// <summary>Returns c·A.</summary>
    public static double[,] Scale(double[,] a, double c)
    {
        var result = (double[,])a.Clone();
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var j = 0; j < result.GetLength(1); j++)
            {
                result[i, j] *= c;
            }
        }

        return result;
    }

    /// <summary>Returns A·B.</summary>
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        var (m, p, q) = (a.GetLength(0), a.GetLength(1), b.GetLength(1));
        if (b.GetLength(0) != p)
        {
            throw new ArgumentException("Inner dimensions differ.", nameof(b));
        }

        var result = new double[m, q];
        var left = Entries(a);
        var right = Entries(b);
        var target = Entries(result);
        for (var i = 0; i < m; i++)
        {
            var row = target.Slice(i * q, q);
            for (var l = 0; l < p; l++)
            {
                // Row i of the result gains a[i, l] times row l of B: the same products and sums, in the same order, as
                // entry by entry, but along contiguous rows in vector registers (these products run for every fit's
                // sandwich variance). Zero factors are not skipped, so a NaN in B still reaches the result.
                SpanArithmetic.AddScaled(left[(i * p) + l], right.Slice(l * q, q), row);
            }
        }

        return result;
    }

    // A rectangular array's entries, row after row, as the runtime stores them.
    private static Span<double> Entries(double[,] matrix) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    /// <summary>Returns A'.</summary>
    public static double[,] Transpose(double[,] a)
    {
        var result = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                result[j, i] = a[i, j];
            }
        }

        return result;
    }

    /// <summary>Returns the symmetric sandwich B·Meat·B for symmetric B, symmetrised against rounding.</summary>
    public static double[,] Sandwich(double[,] bread, double[,] meat) => Symmetrise(Multiply(Multiply(bread, meat), bread));

    /// <summary>Returns L·Meat·L' for any square L (e.g. a factor of the bread), symmetrised against rounding.</summary>
    public static double[,] Congruence(double[,] left, double[,] meat) => Symmetrise(Multiply(Multiply(left, meat), Transpose(left)));

    // Each pair of mirrored entries replaced by their mean, in place: the rounding of the products above, not the data,
    // makes them differ.
    private static double[,] Symmetrise(double[,] result)
    {
        var k = result.GetLength(0);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var mean = 0.5 * (result[i, j] + result[j, i]);
                result[i, j] = mean;
                result[j, i] = mean;
            }
        }

        return result;
    }

    /// <summary>Returns U'U for a row-major <paramref name="rows"/> × <paramref name="columns"/> array U.</summary>
    public static double[,] TransposeSelf(double[] u, int rows, int columns)
    {
        var result = new double[columns, columns];
        for (var r = 0; r < rows; r++)
        {
            var offset = r * columns;
            for (var a = 0; a < columns; a++)
            {
                // Row a's upper part, b ≥ a: each entry gets its own product in the same order of r as a scalar loop.
                SpanArithmetic.Axpy(u[offset + a], u.AsSpan(offset + a, columns - a), MemoryMarshal.CreateSpan(ref result[a, a], columns - a));
            }
        }

        for (var a = 0; a < columns; a++)
        {
            for (var b = 0; b < a; b++)
            {
                result[a, b] = result[b, a];
            }
        }

        return result;
    }
}
