using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Outcomes;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Data;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Synthesis;

/// <summary>
/// The sensitivity check to the meta-analysis: one linear probability model on the individual records of all
/// municipalities, outcome at a horizon on intervention-type indicators (against control), municipality fixed effects
/// and the outcome's mean over the months before randomisation, with CR2 standard errors clustered by caseworker.
/// Unlike the meta-analysis it assumes one effect per type everywhere (no between-site heterogeneity) and weights
/// sites by their size, so it answers a narrower question.
/// </summary>
public static class PooledIndividualModel
{
    /// <summary>The horizon of the pooled model: 24 months, reached by every site.</summary>
    public const int DefaultHorizon = 24;

    private const string Control = "control";

    /// <summary>Fits the model for every register outcome.</summary>
    /// <param name="extract">The raw extracts of all municipalities.</param>
    /// <param name="horizon">Months after randomisation.</param>
    /// <exception cref="DegenerateModelException">The model cannot be estimated (e.g. a type with nobody in it).</exception>
    public static IReadOnlyList<PooledTypeEffect> Fit(Extract extract, int horizon = DefaultHorizon)
    {
        ArgumentNullException.ThrowIfNull(extract);
        var panel = OutcomePanel.FromExtract(extract);
        var type = Enumerable.Range(0, panel.Count).Select(p =>
            (extract.Experiments[panel.Municipality[p]].Arm(panel.Arm[p])
             ?? throw new InvalidDataException($"{panel.Describe(p)}: arm '{panel.Arm[p]}' is not in the design of {panel.Municipality[p]}")).TypeLabel).ToArray();
        return ReportOutcome.All.SelectMany(outcome => FitOutcome(panel, type, outcome, horizon)).ToList();
    }

    /// <summary>The disclosure-controlled <c>pooled</c> table of <see cref="Fit"/>.</summary>
    public static ResultTable Publish(Extract extract, int horizon = DefaultHorizon, DisclosureControl? control = null) =>
        SynthesisTables.Pooled(Fit(extract, horizon), horizon, OutcomeDefinitions.Cpb.MonthsBefore, control);

    /// <summary>The footnotes of the <c>pooled</c> table.</summary>
    public static IReadOnlyList<string> Footnotes(int horizon, int monthsBefore) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"Linear probability model on all municipalities' participants: outcome at month {horizon} on intervention-type indicators (against the control arms), municipality fixed effects and the outcome's mean over the {monthsBefore} months before randomisation; CR2 standard errors clustered by caseworker with Satterthwaite degrees of freedom."),
        "It assumes one effect per type in every municipality and weights municipalities by size; where the meta-analysis finds heterogeneity the two can differ, and the meta-analysis is primary.",
        "Arms of one type in one municipality (e.g. Deventer's two exemption arms) share one indicator; the 'choice' arm (Groningen) is its own type.",
        SynthesisAnalysis.DesignCaveat,
    ];

    private static IEnumerable<PooledTypeEffect> FitOutcome(OutcomePanel panel, string[] type, ReportOutcome outcome, int horizon)
    {
        var y = panel.At(outcome.Outcome, horizon, Coverage.ExcludeUncovered);
        var baseline = panel.PreRandomisation(outcome.Outcome, panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered);
        var baselineOf = new Dictionary<int, double>();
        for (var i = 0; i < baseline.Count; i++)
        {
            baselineOf[baseline.Persons[i]] = baseline.Values[i];
        }

        var persons = new List<int>();
        var values = new List<double>();
        for (var i = 0; i < y.Count; i++)
        {
            if (baselineOf.ContainsKey(y.Persons[i]))
            {
                persons.Add(y.Persons[i]);
                values.Add(y.Values[i]);
            }
        }

        var types = persons.Select(p => type[p]).ToArray();
        var levels = types.Distinct(StringComparer.Ordinal).Where(t => t != Control)
            .OrderBy(t => SynthesisAnalysis.TypeOrder.Contains(t) ? SynthesisAnalysis.TypeOrder.ToList().IndexOf(t) : int.MaxValue)
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        var design = new DesignBuilder(persons.Count).Intercept()
            .Treatment("type", types, Control, [Control, .. levels])
            .FixedEffects("municipality", persons.Select(p => panel.Municipality[p]).ToArray())
            .Numeric("baseline", persons.Select(p => baselineOf[p]).ToArray())
            .Build();
        var clusters = persons.Select(p => panel.Municipality[p] + "/" + panel.Caseworker[p]).ToArray();

        // Only the type indicators are published, so only they get CR2 variances and degrees of freedom: the same bits
        // for them as a fit of every coefficient, without the fixed effects' and the baseline's (with 400,000 persons in
        // 13,000 clusters, 0.4 instead of 0.6 s per outcome, at the end of run-all where nothing else runs).
        var fit = LinearModel.Factor(design, VarianceEstimator.CR2(clusters), new FitOptions { OutcomeName = outcome.Key }, levels.Select(TypeCoefficient).ToList())
            .Fit(values, outcome.Key);
        foreach (var level in levels)
        {
            yield return new PooledTypeEffect(level, outcome, horizon, fit[TypeCoefficient(level)], persons.Count, types.Count(t => t == level), fit.ClusterCount ?? 0);
        }
    }

    private static string TypeCoefficient(string level) => $"type[{level}]";
}
