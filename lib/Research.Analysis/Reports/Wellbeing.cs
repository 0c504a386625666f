using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Analysis.Surveys;
using Research.Data.Design;
using Research.Scales.Instruments;
using Research.Scales.Longitudinal;
using Research.Scales.Reliability;
using Research.Scales.Scoring;
using Research.Statistics.Multiplicity;
using Research.Statistics.Regression;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 5, the survey outcomes. Primary: the pre-specified wellbeing summary index (Anderson 2008) at the last wave,
/// estimated like the register effects (Lin's adjustment, the report's inference rule) on the respondents, weighted for
/// response, and bounded (Lee) — see <see cref="WellbeingIndexEffect"/>. Secondary: each instrument's reliability in this
/// sample at the first wave (Cronbach's α, McDonald's ω), mean scores by arm and wave, and the effect at the last wave
/// adjusted for the first-wave score (ANCOVA: score ~ arm + baseline score (+ strata), respondents with both waves, the
/// report's inference methods), with Benjamini–Hochberg p-values across the instruments within each arm. Each
/// instrument is summarised by its first declared score.
/// </summary>
public sealed class Wellbeing
{
    private Wellbeing(IReadOnlyList<Instrument> instruments, int firstWave, int lastWave, IReadOnlyList<InstrumentReliability> reliability, IReadOnlyList<ScoreMean> means,
        IReadOnlyList<WellbeingEffect> effects, IReadOnlyList<WellbeingIndexEffect> index, EffectSpecification specification, IReadOnlyList<string> notes)
    {
        Index = index;
        Specification = specification;
        Instruments = instruments;
        FirstWave = firstWave;
        LastWave = lastWave;
        Reliability = reliability;
        Means = means;
        Effects = effects;
        Notes = notes;
    }

    /// <summary>The instruments whose items the survey holds.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The first survey wave (the baseline of the ANCOVA).</summary>
    public int FirstWave { get; }

    /// <summary>The last survey wave (the outcome of the ANCOVA).</summary>
    public int LastWave { get; }

    /// <summary>Reliability of every instrument whose first score has at least two items.</summary>
    public IReadOnlyList<InstrumentReliability> Reliability { get; }

    /// <summary>Mean scores by instrument, arm and wave.</summary>
    public IReadOnlyList<ScoreMean> Means { get; }

    /// <summary>Effects at the last wave by instrument and treatment arm.</summary>
    public IReadOnlyList<WellbeingEffect> Effects { get; }

    /// <summary>The primary survey outcome: the summary index's effects per treatment arm (empty when it cannot be computed; see <see cref="Notes"/>).</summary>
    public IReadOnlyList<WellbeingIndexEffect> Index { get; }

    /// <summary>How the instruments' effects were estimated (the report's methods, ANCOVA on the first-wave score).</summary>
    public EffectSpecification Specification { get; }

    /// <summary>Models that could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Scores every instrument and estimates the effects.</summary>
    /// <exception cref="InvalidDataException">The extract has no survey responses.</exception>
    public static Wellbeing Compute(ReportContext context, InstrumentCatalog? catalog = null, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        catalog ??= BundledInstruments.Catalog;
        var reportSpecification = (specification ?? EffectSpecification.Default).Validated();
        specification = reportSpecification.With(Adjustment.BaselineOutcome);
        var survey = context.Extract.SurveyResponses ?? throw new InvalidDataException($"the extract in {context.Extract.Directory} has no survey_responses table");
        var panelIndex = context.Persons.ToDictionary(p => context.Panel.Ids[p], StringComparer.Ordinal);
        var ids = survey.Strings("person_id");
        var waveColumn = survey.Integers("wave");
        var rows = Enumerable.Range(0, survey.RowCount).Where(r => ids[r] is { } id && panelIndex.ContainsKey(id) && waveColumn[r] is not null).ToList();
        var items = SurveyItems.ToItemResponses(survey, rows);
        var respondents = rows.Select(r => ids[r]!).ToArray();
        var armOf = respondents.Select(id => context.Panel.Arm[panelIndex[id]]).ToArray();
        var waves = rows.Select(r => checked((int)waveColumn[r]!.Value)).ToArray();
        var firstWave = waves.Min();
        var lastWave = waves.Max();
        var firstRows = Enumerable.Range(0, rows.Count).Where(i => waves[i] == firstWave).Select(i => rows[i]).ToList();
        var baselineItems = SurveyItems.ToItemResponses(survey, firstRows);
        var present = new HashSet<string>(items.ColumnNames, StringComparer.Ordinal);
        var instruments = catalog.Instruments.Where(i => i.Items.All(item => present.Contains(item.Column))).ToList();

        var cells = new ArmWaveCells(context.Experiment.Arms, armOf, waves);
        var reliability = new List<InstrumentReliability>();
        var means = new List<ScoreMean>();
        var effects = new List<WellbeingEffect>();
        var control = context.Experiment.Control.Code;
        var estimation = new Estimation();
        foreach (var instrument in instruments)
        {
            var definition = instrument.Scores[0];
            if (definition.Items.Count >= 2)
            {
                reliability.Add(new InstrumentReliability(instrument, definition, ReliabilityAnalysis.Analyze(instrument, definition.Id, baselineItems)));
            }

            var score = InstrumentScorer.Score(instrument, items, waves)[definition.Id];
            means.AddRange(ScoreMeans(instrument, score, context.Experiment.Arms, cells));

            var ancova = ChangeScores.Compute(score, respondents, waves, firstWave, lastWave).ToAncovaInputs();
            var outcome = new double[context.Panel.Count];
            var baseline = new double[context.Panel.Count];
            Array.Fill(outcome, double.NaN);
            Array.Fill(baseline, double.NaN);
            for (var i = 0; i < ancova.Respondents.Count; i++)
            {
                outcome[panelIndex[ancova.Respondents[i]]] = ancova.Outcome[i];
                baseline[panelIndex[ancova.Respondents[i]]] = ancova.CentredBaseline[i];
            }

            var sample = EffectSample.Create(context, p => outcome[p], p => baseline[p], $"{instrument.Name} at wave {lastWave}");
            var estimates = EffectEstimator.ArmEffects(sample, specification, estimation);
            var controlValues = sample.Values(control);
            effects.AddRange(context.Experiment.TreatmentArms.Select((arm, a) => new WellbeingEffect(instrument, definition, arm, sample.Count(arm.Code), controlValues.Count,
                controlValues.DefaultIfEmpty(double.NaN).Average(), Descriptive.StandardDeviation(controlValues), Magnitude.Of(controlValues), estimates[a])));
        }

        var index = IndexEffects(context, survey, rows.Where((_, i) => waves[i] == lastWave).ToList(), catalog, lastWave, reportSpecification, estimation);
        return new Wellbeing(instruments, firstWave, lastWave, reliability, means, WithBenjaminiHochberg(effects, specification.Primary), index, specification, estimation.Notes);
    }

    /// <summary>The score's respondents by arm and wave (arms in design order, waves ascending), each in row order.</summary>
    private static IEnumerable<ScoreMean> ScoreMeans(Instrument instrument, ScoreColumn score, IReadOnlyList<ExperimentArm> arms, ArmWaveCells cells)
    {
        var values = cells.Split(score.Values);
        for (var a = 0; a < arms.Count; a++)
        {
            for (var w = 0; w < cells.Waves.Count; w++)
            {
                yield return new ScoreMean(instrument, arms[a], cells.Waves[w], [.. values[cells.Index(a, w)]]);
            }
        }
    }

    // Secondary outcomes: within each arm, BH across the instruments on the primary method's p-values.
    private static List<WellbeingEffect> WithBenjaminiHochberg(List<WellbeingEffect> effects, InferenceMethod method)
    {
        var adjusted = effects.ToList();
        foreach (var arm in effects.Select(e => e.Arm).Distinct())
        {
            var tested = Enumerable.Range(0, effects.Count).Where(i => effects[i].Arm == arm && effects[i].Effect?.For(method) is not null).ToList();
            var q = PValueAdjustment.BenjaminiHochberg([.. tested.Select(i => effects[i].Effect!.For(method)!.PValue)]);
            for (var k = 0; k < tested.Count; k++)
            {
                adjusted[tested[k]] = effects[tested[k]] with { BenjaminiHochbergP = q[k] };
            }
        }

        return adjusted;
    }

    /// <summary>
    /// The summary index of every respondent of <paramref name="wave"/> (NaN for everyone else randomised), its effect
    /// with and without response weights, and Lee bounds. The response model reads register data that exist for everyone:
    /// the prognostic covariates and whether the person was off benefit in the survey month (a month outside the register
    /// counts as on benefit).
    /// </summary>
    private static IReadOnlyList<WellbeingIndexEffect> IndexEffects(ReportContext context, Research.Data.Tables.Table survey, IReadOnlyList<int> waveRows, InstrumentCatalog catalog, int wave,
        EffectSpecification specification, Estimation estimation)
    {
        var what = string.Create(CultureInfo.InvariantCulture, $"wellbeing index at wave {wave}");
        var population = context.Population;
        var panel = context.Panel;
        var panelIndex = context.Persons.ToDictionary(p => panel.Ids[p], StringComparer.Ordinal);
        var ids = survey.Strings("person_id");
        var respondents = waveRows.Select(r => panelIndex[ids[r]!]).ToList();
        Statistics.Indices.SummaryIndexResult scored;
        try
        {
            scored = Shared.WellbeingIndex.Compute(catalog, SurveyItems.ToItemResponses(survey, waveRows), [.. respondents.Select(p => population.Arms[population.RowOf(p)].IsControl)]);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or DegenerateModelException)
        {
            estimation.Note($"{what}: {e.Message}");
            return [];
        }

        var index = new double[population.Persons.Count];
        Array.Fill(index, double.NaN);
        for (var i = 0; i < respondents.Count; i++)
        {
            index[population.RowOf(respondents[i])] = scored.Values[i];
        }

        var month = context.Experiment.SurveyWaves.First(w => w.Wave == wave).MonthsAfterRandomisation;
        var offBenefit = population.Persons.Select(p => panel.IsObserved(p, month) && panel.Value(Outcome.BenefitIndependence, p, month) == 1 ? 1.0 : 0.0).ToArray();
        var estimates = estimation.Try(what, () => Shared.AttritionAnalysis.Estimate(population.For(what, index), offBenefit,
            specification.Options with { Method = Shared.InferenceMethod.Cr2, IncludeUnadjusted = false }));
        return estimates is null
            ? []
            : [.. context.Experiment.TreatmentArms.Select(arm => new WellbeingIndexEffect(arm, wave, estimates.CompleteCase[arm], estimates.Weighted[arm], estimates.Bounds.Single(b => b.Arm == arm).Bounds))];
    }
}
