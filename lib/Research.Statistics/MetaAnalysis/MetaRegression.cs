using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Multivariate meta-regression with a known sampling covariance matrix V, reproducing <c>metafor::rma.mv(yi, V, mods,
/// random = ~ 1 | arm)</c>: yᵢ = xᵢ'β + uᵢ + εᵢ with ε ~ N(0, V) (off-diagonal V for arms that share a control group)
/// and u ~ N(0, τ²ZZ') (one random effect per arm, or per group of rows), τ² by REML or 0 (fixed effect).
/// <code>
/// var moderators = new DesignBuilder(k).Numeric("exemption", e).Numeric("coaching", c).Numeric("disregard", d).Numeric("bonus", b).Build();
/// var fit = MetaRegression.Fit(effects, v, moderators);    // additive component model without intercept
/// var coaching = fit["coaching"];                          // pooled component effect with SE, z, p and CI
/// </code>
/// </summary>
/// <remarks>
/// Given τ², M = V + τ²ZZ', β̂ = (X'M⁻¹X)⁻¹X'M⁻¹y with covariance (X'M⁻¹X)⁻¹. REML τ² is the root of the score
/// y'PZZ'Py − tr(PZZ') (P = M⁻¹ − M⁻¹X(X'M⁻¹X)⁻¹X'M⁻¹), 0 when the score is not positive at 0, found by bracketing and
/// Brent's method to near machine precision (metafor's optimiser stops near 1e-7 relative). Q_E is the residual
/// heterogeneity y'P₀y with τ² = 0 on k − p df; Q_M the Wald test of all coefficients but the intercept (all of them
/// without intercept) with the fitted covariance.
/// </remarks>
public static class MetaRegression
{
    /// <summary>Fits the meta-regression.</summary>
    /// <param name="estimates">Effect estimates yᵢ (e.g. ITT per arm and site), finite.</param>
    /// <param name="covariance">Their k × k sampling covariance V, symmetric positive definite.</param>
    /// <param name="moderators">The k × p moderator design (e.g. component indicators, with or without intercept).</param>
    /// <param name="options">Method, test, level, random-effect groups.</param>
    /// <param name="labels">Optional row labels for messages.</param>
    /// <exception cref="ArgumentException">Sizes differ, values not finite, V not symmetric positive definite, too few rows, unsupported method.</exception>
    /// <exception cref="DegenerateModelException">The moderators are rank deficient (named).</exception>
    public static MetaRegressionResult Fit(IReadOnlyList<double> estimates, double[,] covariance, DesignMatrix moderators, MetaRegressionOptions? options = null, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(moderators);
        options ??= MetaRegressionOptions.Default;
        var k = estimates.Count;
        Validate(estimates, covariance, moderators, options, labels);
        var p = moderators.ColumnCount;
        _ = NormalEquations.Factor(moderators.Columns, moderators.Names, k, NormalEquations.InterceptIndex(moderators), "moderator design");

        var model = new MetaRegressionModel(
            Vector<double>.Build.DenseOfEnumerable(estimates),
            Matrix<double>.Build.DenseOfArray(covariance),
            Matrix<double>.Build.Dense(k, p, (i, j) => moderators.Columns[j][i]),
            GroupCodes(options.RandomEffectGroups, k));
        var tau2 = options.Method == MetaAnalysisMethod.FixedEffect
            ? 0
            : Tau2Root.SolveDecreasingFromZero(model.RemlScore, model.VarianceScale, "REML score equation of the meta-regression");
        return new MetaRegressionResult(options, moderators, model.At(tau2), model.At(0).ResidualSquares, tau2, model.LogDetCrossProduct);
    }

    private static void Validate(IReadOnlyList<double> estimates, double[,] covariance, DesignMatrix moderators, MetaRegressionOptions options, IReadOnlyList<string>? labels)
    {
        var k = estimates.Count;
        if (options.Method is not (MetaAnalysisMethod.FixedEffect or MetaAnalysisMethod.RestrictedMaximumLikelihood))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Method, "The meta-regression supports FixedEffect and RestrictedMaximumLikelihood.");
        }

        if (!Enum.IsDefined(options.Test) || !(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Unknown test or a confidence level outside (0, 1).");
        }

        if (covariance.GetLength(0) != k || covariance.GetLength(1) != k || moderators.RowCount != k || (labels is not null && labels.Count != k))
        {
            throw new ArgumentException(Invariant($"{k} estimates need a {k} x {k} covariance, {k} moderator rows and {k} labels; got {covariance.GetLength(0)} x {covariance.GetLength(1)}, {moderators.RowCount} rows, {labels?.Count ?? k} labels."), nameof(covariance));
        }

        string Row(int i) => labels is null ? Invariant($"row {i}") : Invariant($"row {i} (\"{labels[i]}\")");
        for (var i = 0; i < k; i++)
        {
            if (!double.IsFinite(estimates[i]))
            {
                throw new ArgumentException($"The estimate of {Row(i)} is not finite.", nameof(estimates));
            }

            for (var j = 0; j < moderators.ColumnCount; j++)
            {
                if (!double.IsFinite(moderators.Columns[j][i]))
                {
                    throw new ArgumentException($"Moderator '{moderators.Names[j]}' is missing or infinite in {Row(i)}.", nameof(moderators));
                }
            }

            for (var j = 0; j < k; j++)
            {
                var (a, b) = (covariance[i, j], covariance[j, i]);
                if (!double.IsFinite(a) || Math.Abs(a - b) > 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b)))
                {
                    throw new ArgumentException(Invariant($"The covariance must be finite and symmetric; entries ({i}, {j}) = {a:R} and ({j}, {i}) = {b:R}."), nameof(covariance));
                }
            }
        }

        if (Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum() <= 0)
        {
            throw new ArgumentException("The sampling covariance V is not positive definite (a shared-control covariance larger than an arm's own variance?).", nameof(covariance));
        }

        if (options.Method == MetaAnalysisMethod.RestrictedMaximumLikelihood && k <= moderators.ColumnCount)
        {
            throw new ArgumentException(Invariant($"REML needs more rows ({k}) than coefficients ({moderators.ColumnCount})."), nameof(estimates));
        }
    }

    private static int[] GroupCodes(IReadOnlyList<string>? groups, int k)
    {
        if (groups is null)
        {
            return Enumerable.Range(0, k).ToArray();
        }

        if (groups.Count != k)
        {
            throw new ArgumentException(Invariant($"Expected {k} random-effect groups but got {groups.Count}."), nameof(groups));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return groups.Select((g, i) => string.IsNullOrWhiteSpace(g)
            ? throw new ArgumentException(Invariant($"Random-effect group {i} is missing."), nameof(groups))
            : seen.TryGetValue(g, out var code) ? code : seen[g] = seen.Count).ToArray();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The model's matrices and the GLS quantities at a given τ².</summary>
internal sealed class MetaRegressionModel
{
    private readonly int[] _groupOf;
    private readonly int _groupCount;

    public MetaRegressionModel(Vector<double> y, Matrix<double> v, Matrix<double> x, int[] groupOf)
    {
        Y = y;
        V = v;
        X = x;
        _groupOf = groupOf;
        _groupCount = groupOf.Length == 0 ? 0 : groupOf.Max() + 1;
        VarianceScale = v.Diagonal().Average();
        LogDetCrossProduct = x.TransposeThisAndMultiply(x).Cholesky().DeterminantLn;
    }

    /// <summary>log|X'X|, the constant of metafor's restricted log-likelihood.</summary>
    public double LogDetCrossProduct { get; }

    public Vector<double> Y { get; }

    public Matrix<double> V { get; }

    public Matrix<double> X { get; }

    /// <summary>Mean sampling variance: the unit of τ² for the root finder.</summary>
    public double VarianceScale { get; }

    /// <summary>y'PZZ'Py − tr(PZZ'): twice the derivative of the restricted log-likelihood in τ².</summary>
    public double RemlScore(double tau2)
    {
        var state = At(tau2);
        var py = state.P * Y;
        var zpy = new double[_groupCount];
        var trace = 0.0;
        for (var i = 0; i < _groupOf.Length; i++)
        {
            zpy[_groupOf[i]] += py[i];
            for (var j = 0; j < _groupOf.Length; j++)
            {
                if (_groupOf[i] == _groupOf[j])
                {
                    trace += state.P[i, j];
                }
            }
        }

        return zpy.Sum(z => z * z) - trace;
    }

    public GlsState At(double tau2)
    {
        var k = Y.Count;
        var m = V.Clone();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (_groupOf[i] == _groupOf[j])
                {
                    m[i, j] += tau2;
                }
            }
        }

        var cholesky = m.Cholesky();
        var w = cholesky.Solve(Matrix<double>.Build.DenseIdentity(k));
        var xtw = X.TransposeThisAndMultiply(w);
        var information = xtw * X;
        var covariance = information.Inverse();
        var beta = covariance * (xtw * Y);
        var p = w - (xtw.TransposeThisAndMultiply(covariance) * xtw);
        var residual = Y - (X * beta);
        return new GlsState(beta, covariance, p, residual.DotProduct(w * residual), cholesky.DeterminantLn, information.Cholesky().DeterminantLn);
    }
}

/// <summary>GLS fit at one τ²: β̂, its covariance, P, the weighted residual squares and the log-determinants of M and X'M⁻¹X.</summary>
internal sealed record GlsState(Vector<double> Beta, Matrix<double> Covariance, Matrix<double> P, double ResidualSquares, double LogDetM, double LogDetInformation);
