using Research.Data.Design;

namespace Research.Analysis.Inference;

/// <summary>
/// What one effect is estimated from: a municipality's persons with an outcome (NaN where not observed, e.g. a survey
/// non-respondent), their assigned arm, caseworker, take-up and prognostic covariates, and optional response weights.
/// Build it with <see cref="EffectPopulation"/>, so reports and the coverage study read the same covariates.
/// </summary>
/// <remarks>
/// Data built by <see cref="EffectPopulation.For(string, IReadOnlyList{double}, IReadOnlyList{double}?)"/> remember
/// their population, so that every outcome observed for the same persons shares one factored design; giving them other
/// arms, caseworkers or covariates (<c>with { … }</c>) detaches them, since the design then differs.
/// </remarks>
public sealed record EffectData
{
    private readonly Experiment _experiment = null!;
    private readonly IReadOnlyList<ExperimentArm> _arms = null!;
    private readonly IReadOnlyList<string> _caseworkers = null!;
    private readonly PrognosticCovariates _covariates = null!;

    /// <summary>The experiment: its arms in design order and its control arm.</summary>
    public required Experiment Experiment { get => _experiment; init => (_experiment, Population) = (value, null); }

    /// <summary>What the outcome is, for messages (e.g. <c>full_outflow at month 24</c>).</summary>
    public required string OutcomeName { get; init; }

    /// <summary>The outcome per person; NaN where not observed (the person is left out).</summary>
    public required IReadOnlyList<double> Outcome { get; init; }

    /// <summary>The assigned arm per person (arms of <see cref="Experiment"/>).</summary>
    public required IReadOnlyList<ExperimentArm> Arms { get => _arms; init => (_arms, Population) = (value, null); }

    /// <summary>The caseworker per person (the cluster).</summary>
    public required IReadOnlyList<string> Caseworkers { get => _caseworkers; init => (_caseworkers, Population) = (value, null); }

    /// <summary>Whether each person took up the assigned intervention (never in control).</summary>
    public required IReadOnlyList<bool> TookUp { get; init; }

    /// <summary>The pre-specified prognostic covariates per person.</summary>
    public required PrognosticCovariates Covariates { get => _covariates; init => (_covariates, Population) = (value, null); }

    /// <summary>
    /// Observation weights (e.g. inverse-probability response weights; NaN for non-respondents), or null. Only the
    /// sandwich methods (<see cref="InferenceMethod.Hc2"/>, <see cref="InferenceMethod.Cr2"/>) take weights.
    /// </summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>The population the persons were taken from (whose factored designs they share), or null.</summary>
    internal EffectPopulation? Population { get; init; }

    /// <summary>Each person's row in <see cref="Population"/>; null when the data are the whole population in order.</summary>
    internal IReadOnlyList<int>? PopulationRows { get; init; }

    /// <summary>The number of persons (observed or not).</summary>
    public int Count => Outcome.Count;

    /// <summary>The persons with an observed outcome (and weight, when weighted), ascending.</summary>
    public IReadOnlyList<int> ObservedRows() =>
        Enumerable.Range(0, Count).Where(i => !double.IsNaN(Outcome[i]) && (Weights is null || !double.IsNaN(Weights[i]))).ToArray();

    /// <summary>The data of the persons at <paramref name="rows"/> only, in that order.</summary>
    public EffectData Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fromPopulation = PopulationRows is { } these ? rows.Select(i => these[i]).ToArray() : rows.ToArray();
        IReadOnlyList<T> Pick<T>(IReadOnlyList<T> values) => rows.Select(i => values[i]).ToArray();
        return this with
        {
            Outcome = Pick(Outcome),
            Arms = Pick(Arms),
            Caseworkers = Pick(Caseworkers),
            TookUp = Pick(TookUp),
            Covariates = Covariates.Take(rows),
            Weights = Weights is null ? null : Pick(Weights),
            Population = Population,
            PopulationRows = Population is null ? null : fromPopulation,
        };
    }
}
