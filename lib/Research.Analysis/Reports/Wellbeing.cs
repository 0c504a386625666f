using System.Globalization;
using Plotly.NET;
using Research.Analysis.Results;
using Research.Analysis.Surveys;
using Research.Scales.Instruments;
using Research.Scales.Longitudinal;
using Research.Scales.Reliability;
using Research.Scales.Scoring;
using Research.Statistics.Regression;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 5, the secondary (survey) outcomes: each instrument's reliability in this sample at the first wave
/// (Cronbach's α, McDonald's ω), mean scores by arm and wave, and the effect at the last wave adjusted for the
/// first-wave score (ANCOVA: score ~ arm + baseline score (+ strata), HC2, respondents with both waves).
/// Each instrument is summarised by its first declared score.
/// </summary>
public sealed class Wellbeing
{
    private readonly ReportContext _context;

    private Wellbeing(ReportContext context, IReadOnlyList<Instrument> instruments, ResultTable reliability, ResultTable means, ResultTable effects)
    {
        _context = context;
        Instruments = instruments;
        Reliability = reliability;
        Means = means;
        Effects = effects;
    }

    /// <summary>The instruments whose items the survey holds.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>Table <c>reliability</c>: key <c>{instrument}|{score}</c>; alpha, omega (null for fewer than three items), items, n.</summary>
    public ResultTable Reliability { get; }

    /// <summary>Table <c>wellbeing_means</c>: key <c>{instrument}|{arm}|{wave}</c>; mean, sd, n.</summary>
    public ResultTable Means { get; }

    /// <summary>
    /// Table <c>wellbeing</c>: key <c>{instrument}|{arm}</c>; estimate, se, ci_low, ci_high, p, p_holm (across arms),
    /// effect_sd (estimate / control SD at the last wave), n, n_arm, n_control, control_mean.
    /// </summary>
    public ResultTable Effects { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [Reliability, Means, Effects];

    /// <summary>Scores every instrument and estimates the effects.</summary>
    /// <exception cref="InvalidDataException">The extract has no survey responses.</exception>
    public static Wellbeing Compute(ReportContext context, InstrumentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        catalog ??= BundledInstruments.Catalog;
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

        var reliability = new List<ResultRow>();
        var means = new List<ResultRow>();
        var effects = new List<ResultRow>();
        var control = context.Experiment.Control.Code;
        var estimation = new Estimation();
        foreach (var instrument in instruments)
        {
            var definition = instrument.Scores[0];
            var label = (IEnumerable<(string, string)>)[("instrument", instrument.Id), ("instrument_name", instrument.Name), ("score", definition.Id)];
            if (definition.Items.Count >= 2)
            {
                var r = ReliabilityAnalysis.Analyze(instrument, definition.Id, baselineItems);
                reliability.Add(Publication.Row($"{instrument.Id}|{definition.Id}", label,
                    [("alpha", r.Alpha.RawAlpha), ("omega", r.Omega?.OmegaTotal), ("items", definition.Items.Count), (ResultValue.N, r.Rows)]));
            }

            var score = InstrumentScorer.Score(instrument, items, waves)[definition.Id];
            foreach (var arm in context.Experiment.Arms)
            {
                foreach (var wave in waves.Distinct().Order())
                {
                    var values = Enumerable.Range(0, rows.Count)
                        .Where(i => waves[i] == wave && context.Panel.Arm[panelIndex[respondents[i]]] == arm.Code && score.Values[i] is not null)
                        .Select(i => score.Values[i]!.Value).ToArray();
                    means.Add(Publication.Row(
                        string.Create(CultureInfo.InvariantCulture, $"{instrument.Id}|{arm.Code}|{wave}"),
                        [.. label, ("arm", arm.Code), ("arm_name_nl", arm.NameNl), ("wave", wave.ToString(CultureInfo.InvariantCulture))],
                        [("mean", values.Length > 0 ? values.Average() : null), ("sd", values.Length > 1 ? StandardDeviation(values) : null), (ResultValue.N, values.Length)]));
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

            var sample = EffectSample.Create(context, p => outcome[p], p => baseline[p], $"{instrument.Id} at wave {lastWave}");
            var fit = estimation.Try($"{instrument.Id} at wave {lastWave}", () => sample.Fit(VarianceEstimator.HC2));
            var controlValues = sample.Y.Where((_, i) => sample.Arms[i] == control).ToArray();
            var controlSd = StandardDeviation(controlValues);
            var arms = context.Experiment.TreatmentArms.ToList();
            var coefficients = arms.Select(a => fit?[EffectSample.Coefficient(a.Code)]).ToList();
            var holm = fit is null ? new double[arms.Count] : Research.Statistics.Multiplicity.PValueAdjustment.Holm(coefficients.Select(c => c!.PValue).ToList());
            for (var a = 0; a < arms.Count; a++)
            {
                var c = coefficients[a];
                var nArm = sample.Count(arms[a].Code);
                effects.Add(Publication.Row(
                    $"{instrument.Id}|{arms[a].Code}",
                    [.. label, ("arm", arms[a].Code), ("arm_name_nl", arms[a].NameNl), ("arm_type", arms[a].TypeLabel), ("higher_means", definition.HigherMeans ?? string.Empty)],
                    [
                        (ResultValue.Estimate, c?.Estimate), (ResultValue.StandardError, c?.StandardError), (ResultValue.CiLow, c?.ConfidenceLow), (ResultValue.CiHigh, c?.ConfidenceHigh),
                        (ResultValue.PValue, c?.PValue), ("p_holm", c is null ? null : holm[a]), ("effect_sd", c is not null && controlSd > 0 ? c.Estimate / controlSd : null),
                        (ResultValue.N, nArm + controlValues.Length), ("n_arm", nArm), ("n_control", controlValues.Length), ("control_mean", controlValues.Average()),
                    ]));
            }
        }

        var culture = CultureInfo.InvariantCulture;
        return new Wellbeing(
            context,
            instruments,
            Publication.Table("reliability", "Reliability of the wellbeing instruments in this sample", reliability,
            [
                string.Create(culture, $"Survey wave {firstWave}, scored (keyed, recoded) items, pairwise-complete covariances as psych::alpha; omega total from a one-factor model. Single-item scores have no internal consistency and are not listed."),
            ]),
            Publication.Table("wellbeing_means", "Mean wellbeing scores by arm and wave", means, ["Respondents with a valid score in the wave; scores as defined in each instrument file."]),
            Publication.Table("wellbeing", "Effects on wellbeing at the last survey wave", effects,
            [
                string.Create(culture, $"ANCOVA: score at wave {lastWave} on arm and the wave-{firstWave} score (centred)") + (context.IsStratified ? " and the strata" : string.Empty) + ", respondents with both scores, HC2 standard errors; p_holm across arms within instrument.",
                "effect_sd: the estimate divided by the control arm's standard deviation at the last wave. Whether higher is better is given in higher_means.",
                .. estimation.Notes,
            ]));
    }

    /// <summary>Mean score by wave for each arm of <paramref name="instrumentId"/>, drawn from the disclosure-controlled means.</summary>
    public GenericChart MeansChart(string instrumentId)
    {
        var instrument = Instruments.FirstOrDefault(i => i.Id == instrumentId)
            ?? throw new KeyNotFoundException($"instrument '{instrumentId}' is not in this survey; available: {string.Join(", ", Instruments.Select(i => i.Id))}");
        var lines = _context.Experiment.Arms.Select(arm =>
        {
            var points = Means.Rows.Where(r => r.Labels["instrument"] == instrumentId && r.Labels["arm"] == arm.Code && r["mean"] is not null)
                .Select(r => (Wave: double.Parse(r.Labels["wave"], CultureInfo.InvariantCulture), Mean: r["mean"]!.Value)).ToList();
            return new ChartLine(arm.NameNl, [.. points.Select(p => p.Wave)], [.. points.Select(p => p.Mean)]);
        }).ToList();
        return ReportCharts.Lines($"{instrument.Name} ({instrument.Scores[0].Id}): mean by arm and wave", "Survey wave", "Mean score", lines);
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
