using System.Globalization;
using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Statistics.Adjustment;

namespace Research.Analysis.Inference;

/// <summary>
/// A municipality's persons as every effect sees them: arm, caseworker, take-up and the prognostic covariates built
/// once from the outcome panel (the prior share of months worked more than 12 hours) and the participants'
/// characteristics. Reports and the coverage study both build their <see cref="EffectData"/> here, so the covariate
/// set cannot differ between them.
/// </summary>
/// <example>
/// <code>
/// var population = EffectPopulation.Create(panel, experiment, BaselineCharacteristics.FromTable(extract.Participants!));
/// var itt = EffectEstimator.Itt(population.For(panel.At(Outcome.FullOutflow, 24, Coverage.ExcludeUncovered)), EffectOptions.Default);
/// </code>
/// </example>
public sealed class EffectPopulation
{
    private readonly Dictionary<int, int> _rowOfPerson;
    private readonly LinDesignCache _designs;

    private EffectPopulation(Experiment experiment, int[] persons, ExperimentArm[] arms, string[] caseworkers, bool[] tookUp, PrognosticCovariates covariates)
    {
        Experiment = experiment;
        Persons = persons;
        Arms = arms;
        Caseworkers = caseworkers;
        TookUp = tookUp;
        Covariates = covariates;
        _rowOfPerson = persons.Select((p, row) => (p, row)).ToDictionary(x => x.p, x => x.row);
        _designs = new LinDesignCache(persons.Length);
    }

    /// <summary>The experiment.</summary>
    public Experiment Experiment { get; }

    /// <summary>Panel indices of the municipality's persons, ascending.</summary>
    public IReadOnlyList<int> Persons { get; }

    /// <summary>The assigned arm per element of <see cref="Persons"/>.</summary>
    public IReadOnlyList<ExperimentArm> Arms { get; }

    /// <summary>The caseworker per element of <see cref="Persons"/>.</summary>
    public IReadOnlyList<string> Caseworkers { get; }

    /// <summary>Take-up per element of <see cref="Persons"/>.</summary>
    public IReadOnlyList<bool> TookUp { get; }

    /// <summary>The prognostic covariates per element of <see cref="Persons"/>.</summary>
    public PrognosticCovariates Covariates { get; }

    /// <summary>Selects <paramref name="experiment"/>'s persons of <paramref name="panel"/> and builds their covariates.</summary>
    /// <param name="panel">The outcome panel (every municipality).</param>
    /// <param name="experiment">The municipality's design.</param>
    /// <param name="baseline">The characteristics of every panel person, in panel order.</param>
    /// <exception cref="ArgumentException"><paramref name="baseline"/> does not have one element per panel person.</exception>
    /// <exception cref="OutcomeDataException">No person of the municipality; an arm the design lacks; a register that does not cover the months before randomisation (all listed).</exception>
    public static EffectPopulation Create(OutcomePanel panel, Experiment experiment, BaselineCharacteristics baseline)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.Count != panel.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The baseline characteristics have {baseline.Count} persons but the panel has {panel.Count}."), nameof(baseline));
        }

        // Participants without register months are not linked (a validation warning) and have no outcomes: left out, as the reports leave them out.
        var persons = Enumerable.Range(0, panel.Count).Where(p => panel.Municipality[p] == experiment.Municipality && panel.IsLinked(p)).ToArray();
        if (persons.Length == 0)
        {
            throw new OutcomeDataException($"{experiment.Municipality}: no participants", [$"the panel has no person of {experiment.Municipality}"]);
        }

        var unknown = persons.Where(p => experiment.Arm(panel.Arm[p]) is null).Select(p => $"{panel.Describe(p)}: arm {panel.Arm[p]} is not an arm of {experiment.Municipality}").ToList();
        if (unknown.Count > 0)
        {
            throw new OutcomeDataException($"{experiment.Municipality}: {unknown.Count} participant(s) in an arm the design does not have", unknown);
        }

        // Other municipalities' persons may lack the months before randomisation; this municipality's may not.
        var prior = panel.PreRandomisation(Outcome.PartialOrFullOutflow, panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered);
        var share = new double[panel.Count];
        Array.Fill(share, double.NaN);
        for (var i = 0; i < prior.Count; i++)
        {
            share[prior.Persons[i]] = prior.Values[i];
        }

        var uncovered = persons.Where(p => double.IsNaN(share[p])).Select(p => $"{panel.Describe(p)}: the register does not cover the {panel.Definitions.MonthsBefore} months before randomisation").ToList();
        if (uncovered.Count > 0)
        {
            throw new OutcomeDataException($"{experiment.Municipality}: the prior share of months worked (a prognostic covariate) is unknown for {uncovered.Count} participant(s)", uncovered);
        }

        var months = panel.RandomisationMonth.ToArray();
        var covariates = new PrognosticCovariates(
            persons.Select(p => share[p]).ToArray(),
            persons.Select(p => baseline.EarningsPrevYear[p]).ToArray(),
            persons.Select(p => baseline.BenefitMonths[p]).ToArray(),
            persons.Select(p => (double)(months[p].Year - baseline.BirthYear[p])).ToArray(),
            persons.Select(p => baseline.Sex[p]).ToArray(),
            persons.Select(p => baseline.Education[p]).ToArray(),
            persons.Select(p => baseline.Migration[p]).ToArray(),
            persons.Select(p => panel.Stratum[p]).ToArray());
        var tookUp = panel.TookUp.ToArray();
        return new EffectPopulation(
            experiment,
            persons,
            persons.Select(p => experiment.Arm(panel.Arm[p])!).ToArray(),
            persons.Select(p => panel.Caseworker[p]).ToArray(),
            persons.Select(p => tookUp[p]).ToArray(),
            covariates);
    }

    /// <summary>
    /// Lin's design factored for the persons at <paramref name="rows"/> (see <see cref="LinDesignCache"/>): every
    /// outcome, horizon and estimand observed for the same persons shares one factorisation.
    /// </summary>
    internal FactoredLinDesign Factored(IReadOnlyList<int> rows, bool clustered, double confidenceLevel, Func<FactoredLinDesign> factor) =>
        _designs.GetOrFactor(new LinDesignKey(rows, clustered, confidenceLevel), factor);

    /// <summary>The row of panel person <paramref name="person"/> in <see cref="Persons"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a person of the municipality.</exception>
    public int RowOf(int person) => _rowOfPerson.TryGetValue(person, out var row)
        ? row
        : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"panel person {person} is not a participant of {Experiment.Municipality}"));

    /// <summary>The data of an outcome measured on the panel; persons the measure excludes have no outcome.</summary>
    public EffectData For(PersonMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var outcome = new double[Persons.Count];
        Array.Fill(outcome, double.NaN);
        for (var i = 0; i < measure.Count; i++)
        {
            if (_rowOfPerson.TryGetValue(measure.Persons[i], out var row))
            {
                outcome[row] = measure.Values[i];
            }
        }

        return For(measure.Description, outcome);
    }

    /// <summary>The data of an outcome given per element of <see cref="Persons"/> (NaN: not observed), with optional weights.</summary>
    /// <exception cref="ArgumentException">The outcome or weights do not have one element per person.</exception>
    public EffectData For(string name, IReadOnlyList<double> outcome, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Count != Persons.Count || (weights is not null && weights.Count != Persons.Count))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {outcome.Count} outcomes and {weights?.Count ?? Persons.Count} weights for {Persons.Count} persons of {Experiment.Municipality}."), nameof(outcome));
        }

        return new EffectData
        {
            Experiment = Experiment,
            OutcomeName = name,
            Outcome = outcome,
            Arms = Arms,
            Caseworkers = Caseworkers,
            TookUp = TookUp,
            Covariates = Covariates,
            Weights = weights,
            Population = this,
        };
    }
}
