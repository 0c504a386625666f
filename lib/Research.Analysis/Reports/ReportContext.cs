using Research.Analysis.Inference;
using Research.Analysis.Outcomes;
using Research.Data;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>
/// What every section of a municipal report works on: the extract, the municipality's experiment design and the
/// outcome panel, with the panel persons of this municipality and their arms.
/// </summary>
/// <example>
/// <code>
/// var context = ReportContext.Load("../out/extracts", "utrecht");
/// var primary = PrimaryOutcomes.Compute(context);
/// </code>
/// </example>
public sealed class ReportContext
{
    private readonly Dictionary<OutcomeDefinitions, OutcomePanel> _panels = [];
    private readonly Lazy<EffectPopulation> _population;

    private ReportContext(Extract extract, Experiment experiment, OutcomePanel panel, int[] persons)
    {
        Extract = extract;
        _population = new(() => EffectPopulation.Create(panel, experiment, BaselineCharacteristics.FromTable(
            extract.Participants ?? throw new InvalidDataException($"the extract in {extract.Directory} has no participants table"))));
        Experiment = experiment;
        Panel = panel;
        Persons = persons;
        Arms = persons.Select(p => panel.Arm[p]).ToArray();
        var unknown = Arms.Distinct(StringComparer.Ordinal).Where(a => experiment.Arm(a) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException(
                $"{experiment.Municipality}: participants are assigned to arm(s) {string.Join(", ", unknown)}, which the design does not have; known: {string.Join(", ", experiment.Arms.Select(a => a.Code))}");
        }

        var strata = persons.Select(p => panel.Stratum.Codes[p]).Distinct().Count();
        IsStratified = strata > 1;
    }

    /// <summary>The extract.</summary>
    public Extract Extract { get; }

    /// <summary>The municipality's experiment design.</summary>
    public Experiment Experiment { get; }

    /// <summary>The municipality key, e.g. <c>utrecht</c>.</summary>
    public string Municipality => Experiment.Municipality;

    /// <summary>The outcome panel of the extract's rows (only this municipality's when loaded by <see cref="Load"/>).</summary>
    public OutcomePanel Panel { get; }

    /// <summary>
    /// The municipality's persons with their arms, caseworkers, take-up and prognostic covariates, as the shared effect
    /// estimator sees them (built on first use).
    /// </summary>
    public EffectPopulation Population => _population.Value;

    /// <summary>Panel indices of this municipality's participants, ascending.</summary>
    public IReadOnlyList<int> Persons { get; }

    /// <summary>Assigned arm code per element of <see cref="Persons"/>.</summary>
    public IReadOnlyList<string> Arms { get; }

    /// <summary>
    /// Whether randomisation was within more than one stratum here; estimates then include stratum fixed effects.
    /// </summary>
    public bool IsStratified { get; }

    /// <summary>The arms in design order (control first).</summary>
    public IReadOnlyList<ExperimentArm> DesignArms => Experiment.Arms;

    /// <summary>
    /// Loads the rows of <paramref name="municipality"/> from the extract in <paramref name="extractDirectory"/> (from its
    /// cache when intact, else by validating the whole extract first; see <see cref="Extract.Load(string, string)"/>).
    /// </summary>
    /// <exception cref="InvalidExtractException">The extract is invalid (the report lists every problem).</exception>
    /// <exception cref="KeyNotFoundException">The municipality is not in the extract's experiment catalogue.</exception>
    /// <exception cref="InvalidDataException">The extract has no participants of the municipality.</exception>
    public static ReportContext Load(string extractDirectory, string municipality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extractDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        return Create(Extract.Load(Path.GetFullPath(extractDirectory), municipality), municipality);
    }

    /// <summary>Selects <paramref name="municipality"/> in an extract already loaded.</summary>
    /// <exception cref="KeyNotFoundException">The municipality is not in the extract's experiment catalogue.</exception>
    /// <exception cref="InvalidDataException">The extract has no participants of the municipality.</exception>
    public static ReportContext Create(Extract extract, string municipality)
    {
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        var experiment = extract.Experiments[municipality];
        var panel = OutcomePanel.FromExtract(extract);
        // Participants without register months are not linked (a validation warning) and have no outcomes: left out.
        var persons = Enumerable.Range(0, panel.Count).Where(p => panel.Municipality[p] == municipality && panel.IsLinked(p)).ToArray();
        if (persons.Length == 0)
        {
            throw new InvalidDataException($"the extract in {extract.Directory} has no participants in {municipality}");
        }

        return new ReportContext(extract, experiment, panel, persons);
    }

    /// <summary>
    /// The outcome panel of the extract built with other <paramref name="definitions"/> (for sensitivity analyses of the
    /// outcome definition); built once per definition. Thread-safe: the sections of a report are computed side by side.
    /// </summary>
    public OutcomePanel PanelWith(OutcomeDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        if (definitions == Panel.Definitions)
        {
            return Panel;
        }

        lock (_panels)
        {
            if (!_panels.TryGetValue(definitions, out var panel))
            {
                panel = OutcomePanel.FromExtract(Extract, definitions);
                _panels[definitions] = panel;
            }

            return panel;
        }
    }

    /// <summary>The stratum of each element of <see cref="Persons"/>.</summary>
    public IReadOnlyList<string> Strata() => Persons.Select(p => Panel.Stratum[p]).ToArray();

    /// <summary>The caseworker of each element of <see cref="Persons"/>.</summary>
    public IReadOnlyList<string> Caseworkers() => Persons.Select(p => Panel.Caseworker[p]).ToArray();

    /// <summary>The design arm with code <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such arm.</exception>
    public ExperimentArm Arm(string code) => Experiment.Arm(code) ?? throw new KeyNotFoundException($"{Municipality} has no arm '{code}'");
}
