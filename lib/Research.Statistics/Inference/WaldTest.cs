using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Regression;

namespace Research.Statistics.Inference;

/// <summary>
/// Wald tests of linear restrictions Rb = r with a fit's own covariance (so a CR2 fit gives a CR2 Wald test). The
/// F form divides by q and uses the fit's <see cref="ModelFit.WaldDenominatorDf"/>: n − k for classical/HC,
/// G − 1 for cluster-robust (as Stata's <c>test</c>), ∞ for logit/probit; the χ² form uses χ²(q).
/// </summary>
public static class WaldTest
{
    /// <summary>Tests that all the named coefficients are zero, e.g. all arm effects.</summary>
    public static WaldTestResult AllZero(ModelFit fit, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(fit);
        RequireNames(names, 1);
        var r = new double[names.Length, fit.CoefficientCount];
        for (var i = 0; i < names.Length; i++)
        {
            r[i, fit.IndexOf(names[i])] = 1;
        }

        return Test(fit, r, new double[names.Length], string.Join(" = ", names) + " = 0");
    }

    /// <summary>Tests that all coefficients of a design term are zero, e.g. <c>AllZero(fit, design.Term("education"))</c>.</summary>
    public static WaldTestResult AllZero(ModelFit fit, DesignTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return AllZero(fit, term.Columns.Select(j => fit.Names[j]).ToArray()) with { Hypothesis = $"all {term.Name} coefficients = 0" };
    }

    /// <summary>Tests that the named coefficients are all equal, e.g. that two arms have the same effect.</summary>
    public static WaldTestResult AllEqual(ModelFit fit, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(fit);
        RequireNames(names, 2);
        var r = new double[names.Length - 1, fit.CoefficientCount];
        var first = fit.IndexOf(names[0]);
        for (var i = 1; i < names.Length; i++)
        {
            r[i - 1, first] = 1;
            r[i - 1, fit.IndexOf(names[i])] = -1;
        }

        return Test(fit, r, new double[names.Length - 1], string.Join(" = ", names));
    }

    /// <summary>Tests R b = r for a q × k restriction matrix <paramref name="restrictions"/>.</summary>
    public static WaldTestResult Test(ModelFit fit, double[,] restrictions, IReadOnlyList<double> values, string? hypothesis = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Test(fit.Estimates, fit.Covariance(), restrictions, values, fit.WaldDenominatorDf, hypothesis ?? "R b = r");
    }

    /// <summary>Tests R b = r given estimates <paramref name="b"/> with covariance <paramref name="v"/>.</summary>
    /// <exception cref="DegenerateModelException">R V R' is singular (redundant restrictions, or a cluster-robust V of too low rank).</exception>
    public static WaldTestResult Test(IReadOnlyList<double> b, double[,] v, double[,] restrictions, IReadOnlyList<double> values, double denominatorDf, string hypothesis)
    {
        var q = restrictions.GetLength(0);
        var k = b.Count;
        if (restrictions.GetLength(1) != k || values.Count != q || v.GetLength(0) != k || v.GetLength(1) != k)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture, $"Restrictions must be q × {k} with q values and V {k} × {k}; got {q} × {restrictions.GetLength(1)}, {values.Count} values, V {v.GetLength(0)} × {v.GetLength(1)}."), nameof(restrictions));
        }

        var discrepancy = new double[q];
        for (var i = 0; i < q; i++)
        {
            var sum = -values[i];
            for (var j = 0; j < k; j++)
            {
                sum += restrictions[i, j] * b[j];
            }

            discrepancy[i] = sum;
        }

        var middle = SmallMatrix.Multiply(SmallMatrix.Multiply(restrictions, v), SmallMatrix.Transpose(restrictions));
        var factor = CheckedCholesky.TryFactor(middle, out _) ?? throw new DegenerateModelException(
            $"The Wald test of {hypothesis} is degenerate: R V R' is singular, so the restrictions are redundant or the variance has too low rank (a cluster-robust variance has rank at most G − 1).");
        var solved = factor.Solve(discrepancy);
        var w = discrepancy.Select((d, i) => d * solved[i]).Sum();
        var f = w / q;
        return new WaldTestResult(hypothesis, f, q, denominatorDf, ReferenceDistribution.UpperF(f, q, denominatorDf), w, ReferenceDistribution.UpperChiSquare(w, q));
    }

    private static void RequireNames(string[] names, int minimum)
    {
        if (names is null || names.Length < minimum)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Name at least {minimum} coefficient(s)."), nameof(names));
        }
    }
}
