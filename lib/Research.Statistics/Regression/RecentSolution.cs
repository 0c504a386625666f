using System.Runtime.InteropServices;

namespace Research.Statistics.Regression;

/// <summary>
/// The last least-squares solution computed with one factorisation of X'X, shared by the factored designs that use
/// that factorisation (one per variance estimator, <see cref="FactoredDesign.WithVariance"/>): a report that asks for
/// the HC2 and then the CR2 fit of the same outcome solves it once.
/// </summary>
/// <remarks>
/// A solution is reused only for an outcome equal to the one it was computed for bit for bit, so the coefficients and
/// residuals are the very ones a fresh solve would give. One solution is kept: the fits of one outcome under several
/// variances follow each other. Thread-safe; two threads that miss at once both solve and the later one is kept.
/// </remarks>
internal sealed class RecentSolution
{
    private readonly Lock _gate = new();
    private Solution? _last;

    /// <summary>The solution for the (√w-scaled) outcome <paramref name="y"/>: the kept one if it was for these values, else <paramref name="solve"/>'s, which is then kept.</summary>
    public Solution GetOrSolve(double[] y, Func<double[], Solution> solve)
    {
        lock (_gate)
        {
            if (_last is { } last && MemoryMarshal.Cast<double, long>(last.Y.AsSpan()).SequenceEqual(MemoryMarshal.Cast<double, long>(y.AsSpan())))
            {
                return last;
            }
        }

        var solution = solve(y);
        lock (_gate)
        {
            _last = solution;
        }

        return solution;
    }
}

/// <summary>The coefficients of the outcome <paramref name="Y"/>, its residuals and their sum of squares (all on the √w-scaled data).</summary>
internal sealed record Solution(double[] Y, double[] Coefficients, double[] Residuals, double ResidualSumOfSquares);
