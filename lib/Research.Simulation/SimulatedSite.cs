using Research.Analysis.Inference;
using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Data.Tables;
using Research.Scales.Instruments;
using Research.Scales.Responses;
using Research.Synthetic;
using Research.Synthetic.Register;

namespace Research.Simulation;

/// <summary>
/// One generated experiment as the analysis layer sees an extract, built in memory: the outcome panel from the
/// simulated register months, the <see cref="EffectPopulation"/> with the prognostic covariates, and the survey
/// answers of a wave. The reports build the same objects from files, so the study exercises the reports' estimator.
/// </summary>
public sealed class SimulatedSite
{
    private readonly IReadOnlyList<IReadOnlyList<RegisterMonth>> _registers;

    private SimulatedSite(SyntheticSite site, IReadOnlyList<IReadOnlyList<RegisterMonth>> registers, OutcomePanel panel, EffectPopulation population)
    {
        Site = site;
        _registers = registers;
        Panel = panel;
        Population = population;
    }

    /// <summary>The generated site (participants and planted truth).</summary>
    public SyntheticSite Site { get; }

    /// <summary>The experiment.</summary>
    public Experiment Experiment => Site.Experiment;

    /// <summary>The outcome panel of the site's participants (participants order).</summary>
    public OutcomePanel Panel { get; }

    /// <summary>The persons as the estimator sees them.</summary>
    public EffectPopulation Population { get; }

    /// <summary>Simulates every participant's register and builds the panel and population.</summary>
    /// <param name="site">The generated site.</param>
    /// <param name="experiments">The designs the generator used (holding the site's experiment).</param>
    public static SimulatedSite Create(SyntheticSite site, ExperimentCatalog experiments)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(experiments);
        var people = site.Participants;
        var registers = people.Select(site.Register).ToList();
        var experiment = site.Experiment;
        var armLevels = experiment.Arms.Select(a => a.Code).ToArray();
        var strata = Factor("stratum", people.Select(p => p.Stratum).ToList());
        var caseworkers = Factor("caseworker_id", people.Select(p => p.CaseworkerId).ToList());
        var participants = new ParticipantColumns(
            people.Select(p => p.Id).ToArray(),
            people.Select(p => p.RandomisationMonth).ToArray(),
            new PersonFactor("municipality", new int[people.Count], [experiment.Municipality]),
            new PersonFactor("arm", people.Select(p => Array.IndexOf(armLevels, p.Arm.Code)).ToArray(), armLevels),
            strata,
            caseworkers,
            people.Select(p => p.TookUp).ToArray());

        var rows = registers.Sum(r => r.Count);
        var person = new int[rows];
        var month = new YearMonth[rows];
        var onBenefit = new bool[rows];
        var hours = new double[rows];
        var earnings = new double[rows];
        var row = 0;
        for (var p = 0; p < registers.Count; p++)
        {
            foreach (var m in registers[p])
            {
                (person[row], month[row], onBenefit[row], hours[row], earnings[row]) = (p, m.Month, m.OnBenefit, m.ContractHours, m.Earnings);
                row++;
            }
        }

        var panel = OutcomePanel.Build(participants, new RegisterColumns(person, Enumerable.Range(0, people.Count).ToArray(), month, onBenefit, hours, earnings), experiments);
        var baseline = new BaselineCharacteristics(
            people.Select(p => p.BirthYear).ToArray(),
            people.Select(p => p.Sex).ToArray(),
            people.Select(p => p.MigrationBackground).ToArray(),
            people.Select(p => p.EducationLevel).ToArray(),
            people.Select(p => (double)p.BenefitMonthsBaseline).ToArray(),
            people.Select(p => p.EarningsPrevYear).ToArray());
        return new SimulatedSite(site, registers, panel, EffectPopulation.Create(panel, experiment, baseline));
    }

    /// <summary>The status at the primary horizon (1 in the status, 0 not) of every person, as the reports measure it.</summary>
    public EffectData PrimaryOutcome(Outcome outcome) =>
        Population.For(Panel.At(outcome, Horizon.Month(Experiment.PrimaryHorizonMonths), Coverage.ExcludeUncovered));

    /// <summary>The survey wave closest to the primary horizon (the earlier one on a tie): the wave of the wellbeing primary.</summary>
    public SurveyWave WellbeingWave() =>
        Experiment.SurveyWaves.OrderBy(w => Math.Abs(w.MonthsAfterRandomisation - Experiment.PrimaryHorizonMonths)).ThenBy(w => w.Wave).First();

    /// <summary>Per person, 1 when off benefit in <paramref name="monthsAfterRandomisation"/> (or the last register month), else 0.</summary>
    public IReadOnlyList<double> OffBenefit(int monthsAfterRandomisation) => _registers.Select(r =>
    {
        var m = r.LastOrDefault(x => x.MonthsSinceRandomisation <= monthsAfterRandomisation);
        return m.OnBenefit ? 0.0 : 1.0;
    }).ToArray();

    /// <summary>
    /// The survey answers of <paramref name="wave"/>: the respondents (participant positions) and their item responses,
    /// with each instrument's missing codes kept as codes, as <c>SurveyItems.ToItemResponses</c> reads them from a file.
    /// </summary>
    /// <param name="wave">The wave.</param>
    /// <param name="instruments">The instruments (for their missing codes).</param>
    /// <param name="answersFrom">
    /// Another draw of the same participants whose survey model answers instead (e.g. one in which everyone responds);
    /// its persons share these registers and random streams. Null: this site's own.
    /// </param>
    public (IReadOnlyList<int> Respondents, ItemResponseTable Responses) Survey(SurveyWave wave, InstrumentCatalog instruments, SyntheticSite? answersFrom = null)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(instruments);
        var source = answersFrom ?? Site;
        if (source.Participants.Count != Site.Participants.Count)
        {
            throw new ArgumentException($"{source.Experiment.Municipality} has {source.Participants.Count} participants, not the {Site.Participants.Count} of this draw", nameof(answersFrom));
        }

        var respondents = new List<int>();
        var answers = new List<IReadOnlyList<int>>();
        for (var p = 0; p < Site.Participants.Count; p++)
        {
            if (source.Survey(source.Participants[p], _registers[p]).FirstOrDefault(r => r.Wave == wave.Wave) is { } interview)
            {
                respondents.Add(p);
                answers.Add(interview.Answers);
            }
        }

        var columns = Site.SurveyColumns;
        var missingCodes = columns.Select(c => instruments.Instruments.First(i => i.Items.Any(item => item.Column == c)).MissingCodes.Keys.ToHashSet()).ToList();
        var table = new ItemResponseTable(respondents.Count);
        for (var j = 0; j < columns.Count; j++)
        {
            var values = new int?[respondents.Count];
            var codes = new int?[respondents.Count];
            for (var i = 0; i < respondents.Count; i++)
            {
                var answer = answers[i][j];
                if (missingCodes[j].Contains(answer))
                {
                    codes[i] = answer;
                }
                else
                {
                    values[i] = answer;
                }
            }

            table.Add(columns[j], values, codes);
        }

        return (respondents, table);
    }

    private static PersonFactor Factor(string name, IReadOnlyList<string> values)
    {
        var levels = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = levels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        return new PersonFactor(name, values.Select(v => index[v]).ToArray(), levels);
    }
}
