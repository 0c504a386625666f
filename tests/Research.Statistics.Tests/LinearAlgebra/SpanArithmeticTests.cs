using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Tests.LinearAlgebra;

/// <summary>The vector kernels against their scalar definitions, bit for bit, at lengths around the vector width.</summary>
public sealed class SpanArithmeticTests
{
    private static readonly double[] Xs = Values(1);
    private static readonly double[] Ys = Values(2);
    private static readonly double[] Cs = Values(3);

    public static TheoryData<int> Lengths => [0, 1, 3, 4, 5, 8, 11, 16, 19];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Dot_products_sum_lane_by_lane_then_the_remainder(int length)
    {
        var width = System.Numerics.Vector<double>.Count;
        var vectorised = length - (length % width);
        var lanes = new double[width];
        var centredLanes = new double[width];
        for (var i = 0; i < vectorised; i++)
        {
            lanes[i % width] += Xs[i] * Ys[i];
            centredLanes[i % width] += (Xs[i] - (0.7 * Cs[i])) * Ys[i];
        }

        var dot = lanes.Sum();
        var centred = centredLanes.Sum();
        for (var i = vectorised; i < length; i++)
        {
            dot += Xs[i] * Ys[i];
            centred += (Xs[i] - (0.7 * Cs[i])) * Ys[i];
        }

        // The lanes' own sum may add them in another order than here: equal up to that rounding.
        Assert.Equal(dot, SpanArithmetic.Dot(Xs.AsSpan(0, length), Ys.AsSpan(0, length)), 1e-14 * Math.Max(1, Math.Abs(dot)));
        Assert.Equal(centred, SpanArithmetic.CentredDot(Xs.AsSpan(0, length), 0.7, Cs.AsSpan(0, length), Ys.AsSpan(0, length)), 1e-14 * Math.Max(1, Math.Abs(centred)));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Element_wise_kernels_equal_the_scalar_loop_bit_for_bit(int length)
    {
        var scaled = Ys[..length].ToArray();
        var squared = Ys[..length].ToArray();
        SpanArithmetic.AddScaled(-1.3, Xs.AsSpan(0, length), scaled);
        SpanArithmetic.AddSquares(Xs.AsSpan(0, length), squared);
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(Ys[i] + (-1.3 * Xs[i])), BitConverter.DoubleToInt64Bits(scaled[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Ys[i] + (Xs[i] * Xs[i])), BitConverter.DoubleToInt64Bits(squared[i]));
        }
    }

    [Fact]
    public void A_zero_factor_still_carries_a_missing_value_but_axpy_skips_it()
    {
        var source = new[] { 1.0, double.NaN, 2, 3, 4 };
        var added = new double[5];
        var skipped = new double[5];
        SpanArithmetic.AddScaled(0, source, added);
        SpanArithmetic.Axpy(0, source, skipped);

        Assert.True(double.IsNaN(added[1]));
        Assert.All(skipped, v => Assert.Equal(0, v));
    }

    [Fact]
    public void An_operand_shorter_than_the_loop_is_refused()
    {
        // The kernels read through references, so a short operand must be caught before the loop, not overrun.
        Assert.Throws<ArgumentException>(() => SpanArithmetic.Dot(new double[9], new double[8]));
        Assert.Throws<ArgumentException>(() => SpanArithmetic.CentredDot(new double[9], 1, new double[8], new double[9]));
        Assert.Throws<ArgumentException>(() => SpanArithmetic.AddScaled(1, new double[8], new double[9]));
        Assert.Throws<ArgumentException>(() => SpanArithmetic.AddSquares(new double[8], new double[9]));
    }

    private static double[] Values(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 19).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)))];
    }
}
