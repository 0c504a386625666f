using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// A least-squares design factored once and fitted to many outcomes (one design, many outcomes: factor once, solve
/// many), from <see cref="LinearModel.Factor"/>.
/// <code>
/// var factored = LinearModel.Factor(design, VarianceEstimator.CR2(caseworker), inference: ["arm[b]"]);
/// var atTwelve = factored.Fit(outflowAt12, "outflow_12");
/// var atTwentyFour = factored.Fit(outflowAt24, "outflow_24");
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// Factoring fixes the rows used (missing covariates, weights and cluster ids handled by
/// <see cref="FitOptions.MissingValues"/>), factors X'X (<see cref="NormalEquations"/>) and does the design's share of the
/// variance: the hat values of HC2/HC3, and for CR2 the per-cluster adjustment matrices and the Bell–McCaffrey degrees of
/// freedom, which depend on the design only. Each <see cref="Fit"/> then costs a solve, the residuals and their sums.
/// </para>
/// <para>
/// Every fit equals <see cref="LinearModel.Fit"/> of the same outcome, design, variance and options (which factors a
/// design for its one outcome), with one documented exception: under HC0–HC3 and CR2 only the coefficients named in
/// <c>inference</c> get a variance, degrees of freedom, p-values and intervals, since callers usually test a few
/// treatment contrasts of a design with many covariate columns, and the whole covariance costs a pass of n·k²/2
/// products per fit (HC) or the clusters' k-vectors (CR2) against n·t² for t coefficients; the other coefficients keep
/// their estimates, with NaN standard error, df, p and interval (and NaN in <see cref="ModelFit.Covariance"/>). The
/// tested coefficients' variances equal the full fit's up to rounding: CR2's bit for bit, HC's as the same sums taken
/// in another order (within 10⁻¹³ relative on the estimatr fixtures, 10⁻¹¹ on a national report's designs). The
/// classical, CR0 and CR1 variances cover every coefficient.
/// </para>
/// <para>Immutable once created: <see cref="Fit"/> may be called from several threads at once.</para>
/// </remarks>
public sealed class FactoredDesign
{
    /// <summary>See <see cref="RoundingFloor"/>.</summary>
    private const double RelativeRoundingFloor = 1e-12;

    private readonly PreparedData _data;
    private readonly NormalEquations _factor;
    private readonly RecentSolution _recent;
    private readonly SandwichVariance _variance;
    private readonly FitOptions _options;
    private readonly bool _hasIntercept;
    private readonly double[] _breadDiagonal;

    internal FactoredDesign(DesignMatrix design, PreparedData data, VarianceEstimator variance, FitOptions options, IReadOnlyList<int>? tested = null)
        : this(design, data, variance, options, tested, null)
    {
    }

    // With a factorisation of the same rows and columns (another variance's design), its solutions are shared.
    private FactoredDesign(DesignMatrix design, PreparedData data, VarianceEstimator variance, FitOptions options, IReadOnlyList<int>? tested, FactoredDesign? sameRows)
    {
        _data = data;
        _options = options;
        Design = design;
        Variance = variance;
        var x = data.Designs[0];
        _factor = sameRows?._factor ?? NormalEquations.Factor(x, design.Names, data.RowCount, NormalEquations.InterceptIndex(design));
        _recent = sameRows?._recent ?? new RecentSolution();
        var bread = _factor.Inverse();
        _breadDiagonal = [.. Enumerable.Range(0, bread.GetLength(0)).Select(j => bread[j, j])];
        _variance = new SandwichVariance(new SandwichDesign(x, bread, _factor.InverseFactor(), NormalReference: false, data.Weights),
            variance.Type, data.Clusters, data.ClusterCount, tested);
        _hasIntercept = design.Terms.Any(t => t.Kind == TermKind.Intercept);
    }

    /// <summary>The design.</summary>
    public DesignMatrix Design { get; }

    /// <summary>The variance estimator every fit uses.</summary>
    public VarianceEstimator Variance { get; }

    /// <summary>The rows used (input rows less those dropped for missing design values, weights or cluster ids).</summary>
    public int ObservationCount => _data.RowCount;

    /// <summary>
    /// The same design factored for <paramref name="variance"/>, sharing this design's factorisation of X'X and its
    /// solutions when the variance keeps the same rows as this design (no cluster id missing where only one has a row): the fit
    /// of an outcome under both variances then solves it once. Each fit equals the one <see cref="LinearModel.Factor"/>
    /// would give, bit for bit (the same factorisation of the same columns).
    /// </summary>
    /// <param name="variance">The other variance estimator.</param>
    /// <param name="inference">As for <see cref="LinearModel.Factor"/>.</param>
    /// <exception cref="ArgumentException">As <see cref="LinearModel.Factor"/>.</exception>
    /// <exception cref="DegenerateModelException">As <see cref="LinearModel.Factor"/>.</exception>
    public FactoredDesign WithVariance(VarianceEstimator variance, IReadOnlyCollection<string>? inference = null)
    {
        ArgumentNullException.ThrowIfNull(variance);
        var tested = inference?.Select(Design.IndexOf).ToArray();
        var data = PreparedData.Prepare(new double[Design.RowCount], [Design], variance, _options);

        // Either variance may have dropped rows (where a cluster id is missing): only the same rows share a factorisation.
        return new FactoredDesign(Design, data, variance, _options, tested, data.SameRows(_data) ? this : null);
    }

    /// <summary>Fits <paramref name="y"/> (one value per design row) with the factored design.</summary>
    /// <param name="y">The outcome; it must be observed at every row the design uses.</param>
    /// <param name="outcomeName">The outcome's name in the result (default: <see cref="FitOptions.OutcomeName"/>).</param>
    /// <exception cref="ArgumentException">A length other than the design's rows, or a missing or infinite value at a row used.</exception>
    /// <exception cref="DegenerateModelException">A constant outcome; leverage one under HC2/HC3; an undefined standard error.</exception>
    public LinearModelResult Fit(IReadOnlyList<double> y, string? outcomeName = null)
    {
        var name = outcomeName ?? _options.OutcomeName;
        var data = _data.WithOutcome(y, name);
        data.RequireVariation(name);
        return Solve(data, name);
    }

    /// <summary>The fit of the outcome carried by <paramref name="data"/>, whose rows and columns are this design's.</summary>
    internal LinearModelResult Solve(PreparedData data, string outcomeName)
    {
        var n = data.RowCount;
        var k = data.Designs[0].Count;
        var (_, beta, residuals, rss) = ReferenceEquals(data, _data) ? SolveOnce(data.Y) : _recent.GetOrSolve(data.Y, SolveOnce);
        var sigma2 = rss / (n - k);
        var tss = TotalSumOfSquares(data, _hasIntercept);
        var result = _variance.Compute(residuals, sigma2) with { RoundingFloor = RoundingFloor(tss / Math.Max(1, n - 1)) };
        var r2 = 1 - (rss / tss);
        var adjusted = 1 - ((1 - r2) * (n - (_hasIntercept ? 1.0 : 0.0)) / (n - k));
        return new LinearModelResult(
            outcomeName, Design.Names, beta, result, Variance, data, _options.ConfidenceLevel, r2, adjusted, Math.Sqrt(sigma2), Unweighted(residuals, data.SqrtWeights), _options.AllowUndefinedStandardErrors);
    }

    private Solution SolveOnce(double[] y)
    {
        var beta = _factor.Solve(y);
        var n = y.Length;

        // The fitted values are written into the array that then holds the residuals, which the result keeps.
        var residuals = new double[n];
        CrossProduct.Times(_data.Designs[0], beta, residuals);
        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            residuals[i] = y[i] - residuals[i];
            rss += residuals[i] * residuals[i];
        }

        return new Solution(y, beta, residuals, rss);
    }

    /// <summary>
    /// Per coefficient, the variance below which it is zero up to rounding: 10⁻¹² of the variance it would have if the
    /// model explained nothing (the outcome's variance times the bread's diagonal). A true variance that small needs
    /// residuals a millionth of the outcome's spread; a computed one that small is what is left of an exact zero (every
    /// residual its coefficient sees is zero, e.g. an outcome constant in the control arm) after cancellation, and its sign
    /// would otherwise decide whether a standard error exists.
    /// </summary>
    private double[] RoundingFloor(double outcomeVariance) => [.. _breadDiagonal.Select(m => RelativeRoundingFloor * outcomeVariance * m)];

    private static double TotalSumOfSquares(PreparedData data, bool centred)
    {
        var y = data.Y;
        var w = data.SqrtWeights;
        var mean = 0.0;
        if (centred)
        {
            double sum = 0, weight = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var sw = w?[i] ?? 1.0;
                sum += sw * y[i];
                weight += sw * sw;
            }

            mean = sum / weight;
        }

        var tss = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var d = y[i] - ((w?[i] ?? 1.0) * mean);
            tss += d * d;
        }

        return tss;
    }

    private static double[] Unweighted(double[] residuals, double[]? sqrtWeights)
    {
        if (sqrtWeights is null)
        {
            return residuals;
        }

        var result = new double[residuals.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = residuals[i] / sqrtWeights[i];
        }

        return result;
    }
}
