using System.Globalization;
using System.Text;

namespace Research.Statistics.Regression;

/// <summary>What every fitted regression reports: the coefficient table, its covariance and how it was obtained.</summary>
public abstract class ModelFit
{
    private readonly double[,] _covariance;
    private readonly double[] _estimates;

    private protected ModelFit(string outcome, IReadOnlyList<string> names, double[] estimates, VarianceResult variance, VarianceEstimator estimator, PreparedData data, double level, bool allowUndefined = false)
    {
        Outcome = outcome;
        Names = names;
        _estimates = estimates;
        _covariance = variance.Covariance;
        Variance = estimator;
        ObservationCount = data.RowCount;
        DroppedRowCount = data.DroppedRows;
        ClusterCount = data.Clusters is null ? null : data.ClusterCount;
        ConfidenceLevel = level;
        WaldDenominatorDf = variance.WaldDenominatorDf;
        var notes = new List<string>(variance.Notes);
        Coefficients = CoefficientTable.Build(names, estimates, variance.Covariance, variance.DegreesOfFreedom, level, estimator.ToString(), allowUndefined ? notes : null, variance.Untested, variance.RoundingFloor);
        Notes = notes;
    }

    /// <summary>Name of the outcome.</summary>
    public string Outcome { get; }

    /// <summary>Coefficient names in design order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The coefficient table.</summary>
    public IReadOnlyList<Coefficient> Coefficients { get; }

    /// <summary>The variance estimator used.</summary>
    public VarianceEstimator Variance { get; }

    /// <summary>Rows used in the fit.</summary>
    public int ObservationCount { get; }

    /// <summary>Rows dropped by listwise deletion (0 unless that policy was chosen).</summary>
    public int DroppedRowCount { get; }

    /// <summary>Number of clusters for cluster-robust variances, otherwise null.</summary>
    public int? ClusterCount { get; }

    /// <summary>Confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>
    /// Denominator degrees of freedom for F tests of several coefficients: n − k (classical, HC), G − 1
    /// (cluster-robust, as Stata's <c>test</c>), +∞ for likelihood models (χ² form).
    /// </summary>
    public double WaldDenominatorDf { get; }

    /// <summary>Remarks about the data worth reading (e.g. singleton clusters).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Number of coefficients k.</summary>
    public int CoefficientCount => Names.Count;

    /// <summary>The row of the coefficient named <paramref name="name"/>.</summary>
    public Coefficient this[string name] => Coefficients[IndexOf(name)];

    /// <summary>Estimates in design order.</summary>
    public IReadOnlyList<double> Estimates => _estimates;

    /// <summary>Index of the coefficient named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such coefficient.</exception>
    public int IndexOf(string name)
    {
        for (var j = 0; j < Names.Count; j++)
        {
            if (string.Equals(Names[j], name, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new ArgumentException($"The model has no coefficient '{name}'; it has: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>A copy of the coefficient covariance matrix (NaN in the rows and columns of coefficients a factored design was not asked to test).</summary>
    public double[,] Covariance() => (double[,])_covariance.Clone();

    /// <summary>A plain-text report: header lines from <see cref="Header"/>, the coefficient table and notes.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var line in Header())
        {
            sb.AppendLine(line);
        }

        sb.Append(c, $"n = {ObservationCount}");
        if (DroppedRowCount > 0)
        {
            sb.Append(c, $" ({DroppedRowCount} rows with missing values dropped)");
        }

        if (ClusterCount is { } g)
        {
            sb.Append(c, $", clusters = {g}");
        }

        sb.Append(c, $", variance: {Variance}").AppendLine();
        sb.Append(CoefficientTable.Format(Coefficients, ConfidenceLevel));
        foreach (var note in Notes)
        {
            sb.Append("Note: ").AppendLine(note);
        }

        return sb.ToString();
    }

    /// <summary>Model-specific lines printed above the table.</summary>
    private protected abstract IEnumerable<string> Header();
}
