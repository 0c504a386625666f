using MathNet.Numerics.LinearAlgebra;

namespace Research.Scales.Reliability;

/// <summary>
/// A one-factor model fitted by minimum residual (minres = unweighted least squares on the off-diagonal
/// correlations), the default of <c>psych::fa</c>. Solved by iterated principal axes until the loadings change by less
/// than <see cref="Tolerance"/>; the fixed point is exactly the stationary point of the minres criterion.
/// </summary>
public sealed class OneFactorModel
{
    /// <summary>Convergence tolerance on the largest change of a loading between iterations.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>Iteration limit.</summary>
    public const int MaximumIterations = 100_000;

    // psych bounds uniquenesses below at 0.005; a solution beyond that is a Heywood case.
    private const double MinimumUniqueness = 0.005;

    private OneFactorModel(double[] loadings, int iterations)
    {
        Loadings = loadings;
        Uniquenesses = loadings.Select(l => 1 - l * l).ToArray();
        Iterations = iterations;
    }

    /// <summary>Standardised loadings, signed so that their sum is positive (as psych reports them).</summary>
    public IReadOnlyList<double> Loadings { get; }

    /// <summary>1 − loading².</summary>
    public IReadOnlyList<double> Uniquenesses { get; }

    /// <summary>Iterations used.</summary>
    public int Iterations { get; }

    /// <summary>Fits the model to a correlation matrix.</summary>
    /// <exception cref="ArgumentException">Fewer than 3 items (the model is not identified).</exception>
    /// <exception cref="InvalidOperationException">No convergence, or a Heywood case (a uniqueness below 0.005).</exception>
    public static OneFactorModel Fit(Matrix<double> correlation)
    {
        var k = correlation.RowCount;
        if (k < 3)
        {
            throw new ArgumentException($"A one-factor model needs at least 3 items; got {k}.", nameof(correlation));
        }

        var communality = AlphaStatistics.SquaredMultipleCorrelations(correlation);
        var reduced = correlation.Clone();
        var loadings = new double[k];
        for (var iteration = 1; iteration <= MaximumIterations; iteration++)
        {
            for (var j = 0; j < k; j++)
            {
                reduced[j, j] = communality[j];
            }

            var evd = reduced.Evd(Symmetricity.Symmetric);
            var top = k - 1; // MathNet orders symmetric eigenvalues ascending
            var root = Math.Sqrt(Math.Max(evd.EigenValues[top].Real, 0));
            var vector = evd.EigenVectors.Column(top);
            var sign = vector.Sum() < 0 ? -1.0 : 1.0;
            var change = 0.0;
            for (var j = 0; j < k; j++)
            {
                var loading = sign * root * vector[j];
                change = Math.Max(change, Math.Abs(loading - loadings[j]));
                loadings[j] = loading;
                communality[j] = loading * loading;
            }

            if (communality.Any(h => h > 1 - MinimumUniqueness))
            {
                throw new InvalidOperationException(
                    $"One-factor minres fit: Heywood case (a communality exceeds {1 - MinimumUniqueness}; loadings {string.Join(", ", loadings.Select(l => l.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}). Omega is not defined for this item set.");
            }

            if (change < Tolerance)
            {
                return new OneFactorModel(loadings, iteration);
            }
        }

        throw new InvalidOperationException(
            $"One-factor minres fit did not converge in {MaximumIterations} iterations (tolerance {Tolerance}).");
    }
}
