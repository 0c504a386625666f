using System.Text;
using Research.Data.Design;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Scales.Instruments;
using Research.Synthetic.Calibration;
using Research.Synthetic.Output;
using Research.Synthetic.Population;
using Research.Synthetic.Register;
using Research.Synthetic.Survey;
using Research.Data.Truth;
using Research.Synthetic.Truth;

namespace Research.Synthetic;

/// <summary>
/// Writes deterministic synthetic raw extracts for the six experiments: <c>participants.csv</c>,
/// <c>register_months.csv</c>, <c>survey_responses.csv</c>, the descriptor <c>datapackage.json</c> and the planted
/// effects in <c>truth.json</c>. Real microdata never enters the repository; every report and test runs on these.
/// </summary>
public sealed class SyntheticExtractGenerator
{
    /// <summary>The last month of register data (the CPB follow-up ran to the end of 2021).</summary>
    public static YearMonth EndOfData { get; } = new(2021, 12);

    private const int BlockSize = 1_000;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ExperimentCatalog _experiments;
    private readonly InstrumentCatalog _instruments;
    private readonly SyntheticCalibration _calibration;

    /// <summary>Creates a generator for the bundled designs, instruments and calibration.</summary>
    public SyntheticExtractGenerator()
        : this(ExperimentCatalog.Canonical, BundledInstruments.Catalog, SyntheticCalibration.Default)
    {
    }

    /// <summary>Creates a generator for the given designs, instruments and calibration.</summary>
    public SyntheticExtractGenerator(ExperimentCatalog experiments, InstrumentCatalog instruments, SyntheticCalibration calibration)
    {
        _experiments = experiments;
        _instruments = instruments;
        _calibration = calibration;
    }

    /// <summary>Generates the extracts into <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">A target file exists and <see cref="SyntheticOptions.Overwrite"/> is off.</exception>
    public SyntheticSummary Generate(string directory, SyntheticOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Scale, 0);
        var package = DataPackage.Canonical;
        var files = package.Resources.Select(r => r.Path).Append(DataPackage.FileName).Append(TruthFile.FileName).ToList();
        Directory.CreateDirectory(directory);
        var existing = files.Where(f => File.Exists(Path.Combine(directory, f))).ToList();
        if (existing.Count > 0 && !options.Overwrite)
        {
            throw new IOException($"{directory} already holds {string.Join(", ", existing)}; choose an empty directory or pass --force to replace them");
        }

        var people = new List<SyntheticPerson>();
        var truths = new List<MunicipalityTruth>();
        var process = new WorkProcess(_calibration);
        foreach (var experiment in _experiments.Experiments)
        {
            var site = ParticipantSampler.Sample(experiment, people.Count, _calibration, options.Seed, options.Scale);
            truths.Add(TruthCalculator.Compute(experiment, site, process));
            people.AddRange(site);
        }

        WriteParticipants(package.Resource("participants"), directory, people);
        var surveyColumns = package.Resource("survey_responses").Schema.Fields.Skip(3).Select(f => f.Name).ToList();
        var survey = new SurveySimulator(_calibration, SurveyItemPlan.For(surveyColumns, _instruments), new DateOnly(EndOfData.Year, 12, 31));
        var register = new RegisterSimulator(process, EndOfData);
        var (registerRows, surveyRows) = WritePanels(package.Resource("register_months"), package.Resource("survey_responses"), directory,
            people, register, survey, options);

        File.WriteAllText(Path.Combine(directory, DataPackage.FileName), DataPackage.EmbeddedText(DataPackage.FileName), Utf8);
        var note = "Shares are probabilities (0.05 = 5 percentage points). itt is the expected intent-to-treat effect of the arm against control "
            + "at horizonMonths after randomisation, averaged over the municipality's participants; att = itt / takeUp. Outcomes: "
            + "partial_full_outflow = more than 12 contractual hours a week; full_outflow = off benefit and more than 27 hours; "
            + "benefit_independence = off benefit. wellbeingTraitEffects are latent-trait shifts (SD units) for those who take up.";
        File.WriteAllText(Path.Combine(directory, TruthFile.FileName), new TruthFile(options.Seed, options.Scale, note, truths).ToJson(), Utf8);
        return new SyntheticSummary(directory, people.Count, registerRows, surveyRows, files);
    }

    // Headers come from the schema; the rows below write the fields in the same order (the tests validate the output).
    private static string Header(TableResource resource) => string.Join(',', resource.Schema.Fields.Select(f => f.Name)) + "\n";

    private static void WriteParticipants(TableResource resource, string directory, IReadOnlyList<SyntheticPerson> people)
    {
        var text = new StringBuilder(Header(resource));
        foreach (var p in people)
        {
            text.Field(p.Id).Comma().Field(p.Experiment.Municipality).Comma().Field(p.RandomisationDate).Comma().Field(p.Arm.Code).Comma()
                .Field(p.Stratum).Comma().Field(p.TookUp).Comma().Field(p.ChosenIntervention).Comma().Field(p.CaseworkerId).Comma()
                .Field(p.BirthYear).Comma().Field(p.Sex).Comma().Field(p.MigrationBackground).Comma().Field(p.EducationLevel).Comma()
                .Field(p.HouseholdType).Comma().Field(p.BenefitMonthsBaseline).Comma().Field(p.EarningsPrevYear, 2).EndRow();
        }

        File.WriteAllText(Path.Combine(directory, resource.Path), text.ToString(), Utf8);
    }

    private static (long Register, long Survey) WritePanels(TableResource registerResource, TableResource surveyResource, string directory,
        IReadOnlyList<SyntheticPerson> people, RegisterSimulator register, SurveySimulator survey, SyntheticOptions options)
    {
        using var registerFile = new FileStream(Path.Combine(directory, registerResource.Path), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var surveyFile = new FileStream(Path.Combine(directory, surveyResource.Path), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        registerFile.Write(Utf8.GetBytes(Header(registerResource)));
        surveyFile.Write(Utf8.GetBytes(Header(surveyResource)));

        // Blocks of persons are generated in parallel and written in order: the bytes do not depend on the parallelism.
        long registerRows = 0, surveyRows = 0;
        var blocks = (people.Count + BlockSize - 1) / BlockSize;
        var window = Math.Max(1, options.Parallelism) * 4;
        for (var first = 0; first < blocks; first += window)
        {
            var count = Math.Min(window, blocks - first);
            var results = new (byte[] Register, byte[] Survey, int RegisterRows, int SurveyRows)[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, b =>
            {
                var registerText = new StringBuilder();
                var surveyText = new StringBuilder();
                int r = 0, s = 0;
                var start = (first + b) * BlockSize;
                for (var i = start; i < Math.Min(people.Count, start + BlockSize); i++)
                {
                    var person = people[i];
                    var months = register.Simulate(person, options.Seed);
                    foreach (var m in months)
                    {
                        registerText.Field(person.Id).Comma().Append(m.Month.ToString()).Comma().Field(m.OnBenefit).Comma().Field(m.BenefitAmount, 2).Comma()
                            .Field(m.ContractHours, 1).Comma().Field(m.Earnings, 2).Comma().Field(m.SelfEmployed).EndRow();
                    }

                    r += months.Count;
                    foreach (var row in survey.Simulate(person, months, options.Seed))
                    {
                        surveyText.Field(person.Id).Comma().Field(row.Wave).Comma().Field(row.InterviewDate);
                        foreach (var answer in row.Answers)
                        {
                            surveyText.Comma().Field(answer);
                        }

                        surveyText.EndRow();
                        s++;
                    }
                }

                results[b] = (Utf8.GetBytes(registerText.ToString()), Utf8.GetBytes(surveyText.ToString()), r, s);
            });

            foreach (var result in results)
            {
                registerFile.Write(result.Register);
                surveyFile.Write(result.Survey);
                registerRows += result.RegisterRows;
                surveyRows += result.SurveyRows;
            }
        }

        return (registerRows, surveyRows);
    }
}
