using System.Globalization;
using System.Text;
using Research.Statistics.Design;
using Research.Statistics.Inference;
using Research.Statistics.Regression;

namespace Research.Statistics.MetaAnalysis;

/// <summary>A fitted meta-regression (see <see cref="MetaRegression"/>): coefficients, τ², Q_E, Q_M and predictions.</summary>
public sealed class MetaRegressionResult
{
    private readonly double[,] _covariance;
    private readonly double _degreesOfFreedom;

    internal MetaRegressionResult(MetaRegressionOptions options, DesignMatrix moderators, GlsState state, double fixedResidualSquares, double tau2, double logDetCrossProduct)
    {
        var k = moderators.RowCount;
        var p = moderators.ColumnCount;
        Options = options;
        Names = moderators.Names;
        Tau2 = tau2;
        _covariance = state.Covariance.ToArray();
        _degreesOfFreedom = options.Test == MetaRegressionTest.Normal ? double.PositiveInfinity : k - p;
        var df = Enumerable.Repeat(_degreesOfFreedom, p).ToArray();
        Coefficients = CoefficientTable.Build(Names, state.Beta.ToArray(), _covariance, df, options.ConfidenceLevel, "meta-regression");
        ResidualHeterogeneity = fixedResidualSquares;
        ResidualDegreesOfFreedom = k - p;
        ResidualHeterogeneityPValue = k > p ? ReferenceDistribution.UpperChiSquare(fixedResidualSquares, k - p) : double.NaN;
        var intercept = NormalEquations.InterceptIndex(moderators);
        var tested = Enumerable.Range(0, p).Where(j => j != intercept).Select(j => Names[j]).ToArray();
        Moderators = tested.Length == 0 ? null : WaldTest.Test(
            state.Beta.ToArray(), _covariance, Restrictions(tested.Select(n => moderators.IndexOf(n)).ToArray(), p), new double[tested.Length], _degreesOfFreedom,
            string.Join(" = ", tested) + " = 0");
        LogLikelihood = -0.5 * ((k * Math.Log(2 * Math.PI)) + state.LogDetM + state.ResidualSquares);
        RestrictedLogLikelihood = -0.5 * (((k - p) * Math.Log(2 * Math.PI)) - logDetCrossProduct + state.LogDetM + state.LogDetInformation + state.ResidualSquares);
    }

    /// <summary>Method, test, level, random-effect groups.</summary>
    public MetaRegressionOptions Options { get; }

    /// <summary>Coefficient names (moderator columns).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Coefficients with SE, z or t, p and confidence interval.</summary>
    public IReadOnlyList<Coefficient> Coefficients { get; }

    /// <summary>The coefficient named <paramref name="name"/>.</summary>
    public Coefficient this[string name] => Coefficients.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"The meta-regression has no coefficient '{name}'; it has: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Between-arm (random-effect) variance τ̂²; 0 for the fixed-effect model.</summary>
    public double Tau2 { get; }

    /// <summary>True when τ̂² = 0 (REML on the boundary, or fixed effect): prediction intervals then equal confidence intervals.</summary>
    public bool Tau2IsZero => Tau2 == 0;

    /// <summary>Q_E, the test statistic for residual heterogeneity (with V only).</summary>
    public double ResidualHeterogeneity { get; }

    /// <summary>k − p, the degrees of freedom of Q_E.</summary>
    public int ResidualDegreesOfFreedom { get; }

    /// <summary>Upper-tail χ²(k − p) probability of Q_E (NaN when k = p).</summary>
    public double ResidualHeterogeneityPValue { get; }

    /// <summary>
    /// Q_M, the Wald test that all coefficients but the intercept (all of them without intercept) are zero: its
    /// <see cref="WaldTestResult.ChiSquare"/> is metafor's QM under z tests, its F form QM/m on (m, k − p) df under t
    /// tests; null when the model has only an intercept.
    /// </summary>
    public WaldTestResult? Moderators { get; }

    /// <summary>Maximum-likelihood log-likelihood at the estimates (metafor's value for a fixed-effect model).</summary>
    public double LogLikelihood { get; }

    /// <summary>Restricted log-likelihood, with the ½log|X'X| term as metafor includes it.</summary>
    public double RestrictedLogLikelihood { get; }

    /// <summary>A copy of the coefficient covariance (X'M⁻¹X)⁻¹.</summary>
    public double[,] Covariance() => (double[,])_covariance.Clone();

    /// <summary>The fitted effect and its confidence and prediction intervals at moderator values <paramref name="x"/> (one per coefficient, in order).</summary>
    /// <exception cref="ArgumentException">Wrong number of values or a value that is not finite.</exception>
    public MetaRegressionPrediction Predict(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var p = Names.Count;
        if (x.Count != p || x.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Give {p} finite moderator values ({string.Join(", ", Names)}); got {x.Count}."), nameof(x));
        }

        double estimate = 0, variance = 0;
        for (var a = 0; a < p; a++)
        {
            estimate += x[a] * Coefficients[a].Estimate;
            for (var b = 0; b < p; b++)
            {
                variance += x[a] * _covariance[a, b] * x[b];
            }
        }

        var critical = ReferenceDistribution.CriticalValue(Options.ConfidenceLevel, _degreesOfFreedom);
        var se = Math.Sqrt(variance);
        var half = critical * Math.Sqrt(variance + Tau2);
        return new MetaRegressionPrediction(
            estimate, se, new Interval(estimate - (critical * se), estimate + (critical * se)), new Interval(estimate - half, estimate + half), Tau2IsZero);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"Meta-regression ({Options.Method}, k = {ResidualDegreesOfFreedom + Names.Count}): tau^2 = {Tau2:G4}{(Tau2IsZero ? " (zero: prediction intervals equal confidence intervals)" : string.Empty)}").AppendLine();
        sb.Append(c, $"Residual heterogeneity QE({ResidualDegreesOfFreedom}) = {ResidualHeterogeneity:G5}, p = {ResidualHeterogeneityPValue:G4}").AppendLine();
        if (Moderators is { } m)
        {
            sb.Append(m).AppendLine();
        }

        sb.Append(CoefficientTable.Format(Coefficients, Options.ConfidenceLevel));
        return sb.ToString();
    }

    private static double[,] Restrictions(int[] columns, int p)
    {
        var r = new double[columns.Length, p];
        for (var i = 0; i < columns.Length; i++)
        {
            r[i, columns[i]] = 1;
        }

        return r;
    }
}
