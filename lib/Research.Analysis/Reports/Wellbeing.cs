using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Surveys;
using Research.Scales.Instruments;
using Research.Scales.Longitudinal;
using Research.Scales.Reliability;
using Research.Scales.Scoring;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 5, the secondary (survey) outcomes: each instrument's reliability in this sample at the first wave
/// (Cronbach's α, McDonald's ω), mean scores by arm and wave, and the effect at the last wave adjusted for the
/// first-wave score (ANCOVA: score ~ arm + baseline score (+ strata), HC2, respondents with both waves; Holm across
/// arms within instrument). Each instrument is summarised by its first declared score.
/// </summary>
public sealed class Wellbeing
{
    private Wellbeing(IReadOnlyList<Instrument> instruments, int firstWave, int lastWave, IReadOnlyList<InstrumentReliability> reliability, IReadOnlyList<ScoreMean> means,
        IReadOnlyList<WellbeingEffect> effects, IReadOnlyList<string> notes)
    {
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

    /// <summary>Models that could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Scores every instrument and estimates the effects.</summary>
    /// <exception cref="InvalidDataException">The extract has no survey responses.</exception>
    public static Wellbeing Compute(ReportContext context, InstrumentCatalog? catalog = null, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        catalog ??= BundledInstruments.Catalog;
        specification = (specification ?? EffectSpecification.Default) with { Methods = [InferenceMethod.HC2], Primary = InferenceMethod.HC2 };
        var survey = context.Extract.SurveyResponses ?? throw new InvalidDataException($"the extract in {context.Extract.Directory} has no survey_responses table");
        var panelIndex = context.Persons.ToDictionary(p => context.Panel.Ids[p], StringComparer.Ordinal);
        var ids = survey.Strings("person_id");
        var waveColumn = survey.Integers("wave");
        var rows = Enumerable.Range(0, survey.RowCount).Where(r => ids[r] is { } id && panelIndex.ContainsKey(id) && waveColumn[r] is not null).ToList();
        var items = SurveyItems.ToItemResponses(survey, rows);
        var respondents = rows.Select(r => ids[r]!).ToArray();
        var waves = rows.Select(r => checked((int)waveColumn[r]!.Value)).ToArray();
        var firstWave = waves.Min();
        var lastWave = waves.Max();
        var firstRows = Enumerable.Range(0, rows.Count).Where(i => waves[i] == firstWave).Select(i => rows[i]).ToList();
        var baselineItems = SurveyItems.ToItemResponses(survey, firstRows);
        var present = new HashSet<string>(items.ColumnNames, StringComparer.Ordinal);
        var instruments = catalog.Instruments.Where(i => i.Items.All(item => present.Contains(item.Column))).ToList();

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
            foreach (var arm in context.Experiment.Arms)
            {
                foreach (var wave in waves.Distinct().Order())
                {
                    var values = Enumerable.Range(0, rows.Count)
                        .Where(i => waves[i] == wave && context.Panel.Arm[panelIndex[respondents[i]]] == arm.Code && score.Values[i] is not null)
                        .Select(i => score.Values[i]!.Value).ToArray();
                    means.Add(new ScoreMean(instrument, arm, wave, values));
                }
            }

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

        return new Wellbeing(instruments, firstWave, lastWave, reliability, means, effects, estimation.Notes);
    }
}
