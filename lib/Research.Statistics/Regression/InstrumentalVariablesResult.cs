using System.Globalization;

namespace Research.Statistics.Regression;

/// <summary>A two-stage least-squares fit.</summary>
public sealed class InstrumentalVariablesResult : ModelFit
{
    internal InstrumentalVariablesResult(
        string outcome, IReadOnlyList<string> names, double[] estimates, VarianceResult variance, VarianceEstimator estimator, PreparedData data, double level,
        IReadOnlyList<string> endogenous, IReadOnlyList<string> excludedInstruments)
        : base(outcome, names, estimates, variance, estimator, data, level)
    {
        Endogenous = endogenous;
        ExcludedInstruments = excludedInstruments;
    }

    /// <summary>Columns of the regressor design not among the instruments (instrumented).</summary>
    public IReadOnlyList<string> Endogenous { get; }

    /// <summary>Instrument columns not among the regressors.</summary>
    public IReadOnlyList<string> ExcludedInstruments { get; }

    private protected override IEnumerable<string> Header()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"2SLS for {Outcome}: instrumented {string.Join(", ", Endogenous)} by {string.Join(", ", ExcludedInstruments)}");
    }
}
