using System.Globalization;
using System.Text.Json.Nodes;
using Research.Data.Schema;

namespace Research.Data.Design;

/// <summary>The designs of all experiments (<c>data-schema/experiments.json</c>).</summary>
public sealed class ExperimentCatalog
{
    /// <summary>The descriptor's file name.</summary>
    public const string FileName = "experiments.json";

    private readonly Dictionary<string, Experiment> _byMunicipality;

    private ExperimentCatalog(IReadOnlyList<Experiment> experiments, string source)
    {
        Experiments = experiments;
        Source = source;
        _byMunicipality = experiments.ToDictionary(e => e.Municipality, StringComparer.Ordinal);
    }

    /// <summary>The experiments in file order.</summary>
    public IReadOnlyList<Experiment> Experiments { get; }

    /// <summary>Where the catalogue was read from.</summary>
    public string Source { get; }

    /// <summary>The catalogue shipped with the library.</summary>
    public static ExperimentCatalog Canonical { get; } = Parse(DataPackage.EmbeddedText(FileName), "data-schema/" + FileName);

    /// <summary>The experiment of <paramref name="municipality"/>.</summary>
    /// <exception cref="KeyNotFoundException">Unknown municipality; the message lists the known ones.</exception>
    public Experiment this[string municipality] =>
        _byMunicipality.TryGetValue(municipality, out var e)
            ? e
            : throw new KeyNotFoundException($"unknown municipality '{municipality}'; known: {string.Join(", ", _byMunicipality.Keys)}");

    /// <summary>Whether <paramref name="municipality"/> is in the catalogue.</summary>
    public bool Contains(string municipality) => _byMunicipality.ContainsKey(municipality);

    /// <summary>Loads a catalogue file.</summary>
    /// <exception cref="DescriptorException">The file is malformed.</exception>
    public static ExperimentCatalog Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The catalogue in <paramref name="directory"/> if it has one, else <see cref="Canonical"/>.</summary>
    public static ExperimentCatalog ForDirectory(string directory)
    {
        var local = Path.Combine(directory, FileName);
        return File.Exists(local) ? Load(local) : Canonical;
    }

    /// <summary>Parses catalogue JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DescriptorException">The JSON is malformed or inconsistent.</exception>
    public static ExperimentCatalog Parse(string json, string source)
    {
        var reader = new DescriptorReader(source);
        var root = reader.Parse(json);
        var array = reader.RequiredArray(root, "experiments", "$");
        var list = new List<Experiment>();
        for (var i = 0; i < array.Count; i++)
        {
            var experiment = ParseExperiment(reader, reader.ObjectAt(array, i, "$.experiments"), $"$.experiments[{i}]");
            if (list.Any(e => e.Municipality == experiment.Municipality))
            {
                throw reader.Fail($"$.experiments[{i}].municipality", $"\"{experiment.Municipality}\" appears twice");
            }

            list.Add(experiment);
        }

        return new ExperimentCatalog(list, source);
    }

    private static Experiment ParseExperiment(DescriptorReader reader, JsonObject obj, string at)
    {
        var armsArray = reader.RequiredArray(obj, "arms", at);
        var arms = new List<ExperimentArm>();
        for (var i = 0; i < armsArray.Count; i++)
        {
            var arm = ParseArm(reader, reader.ObjectAt(armsArray, i, $"{at}.arms"), $"{at}.arms[{i}]");
            if (arms.Any(a => a.Code == arm.Code))
            {
                throw reader.Fail($"{at}.arms[{i}].code", $"arm code \"{arm.Code}\" appears twice");
            }

            arms.Add(arm);
        }

        if (arms.Count(a => a.IsControl) != 1)
        {
            throw reader.Fail($"{at}.arms", "exactly one arm must be the control arm (no interventions)");
        }

        var wavesArray = reader.RequiredArray(obj, "surveyWaves", at);
        var waves = new List<SurveyWave>();
        for (var i = 0; i < wavesArray.Count; i++)
        {
            var w = reader.ObjectAt(wavesArray, i, $"{at}.surveyWaves");
            var wave = new SurveyWave(reader.RequiredInt(w, "wave", $"{at}.surveyWaves[{i}]"), reader.RequiredInt(w, "monthsAfterRandomisation", $"{at}.surveyWaves[{i}]"));
            if (wave.Wave != i + 1)
            {
                throw reader.Fail($"{at}.surveyWaves[{i}].wave", string.Create(CultureInfo.InvariantCulture, $"waves must be numbered 1, 2, ... in order; expected {i + 1}"));
            }

            waves.Add(wave);
        }

        var experiment = new Experiment
        {
            Municipality = reader.RequiredString(obj, "municipality", at),
            NameNl = reader.RequiredString(obj, "nameNl", at),
            Title = reader.RequiredString(obj, "title", at),
            ResearchTeam = reader.OptionalString(obj, "researchTeam", at),
            Invited = reader.RequiredInt(obj, "invited", at),
            Participants = reader.RequiredInt(obj, "participants", at),
            IntakeStart = Date(reader, obj, "intakeStart", at),
            IntakeEnd = Date(reader, obj, "intakeEnd", at),
            InterventionEnd = Date(reader, obj, "interventionEnd", at),
            PrimaryHorizonMonths = reader.RequiredInt(obj, "primaryHorizonMonths", at),
            StratifiedBy = reader.OptionalString(obj, "stratifiedBy", at),
            Notes = reader.OptionalString(obj, "notes", at),
            Arms = arms,
            SurveyWaves = waves,
        };
        if (experiment.IntakeEnd < experiment.IntakeStart)
        {
            throw reader.Fail($"{at}.intakeEnd", "lies before intakeStart");
        }

        if (experiment.Participants > experiment.Invited)
        {
            throw reader.Fail($"{at}.participants", "exceeds the number invited");
        }

        return experiment;
    }

    private static ExperimentArm ParseArm(DescriptorReader reader, JsonObject obj, string at)
    {
        var interventions = (reader.OptionalStrings(obj, "interventions", at) ?? throw reader.Fail($"{at}.interventions", "required array is missing"))
            .Select((s, i) => s switch
            {
                "exemption" => InterventionType.Exemption,
                "intensification" => InterventionType.Intensification,
                "earnings_disregard" => InterventionType.EarningsDisregard,
                "choice" => InterventionType.Choice,
                _ => throw reader.Fail($"{at}.interventions[{i}]", $"unknown intervention \"{s}\"; expected exemption, intensification, earnings_disregard or choice"),
            })
            .ToList();
        return new ExperimentArm
        {
            Code = reader.RequiredString(obj, "code", at),
            NameNl = reader.RequiredString(obj, "nameNl", at),
            NameEn = reader.RequiredString(obj, "nameEn", at),
            Interventions = interventions,
            Description = reader.RequiredString(obj, "description", at),
            ComponentSelfChosen = reader.OptionalBool(obj, "componentSelfChosen", at, false),
            FullTimeBonus = reader.OptionalBool(obj, "fullTimeBonus", at, false),
        };
    }

    private static DateOnly Date(DescriptorReader reader, JsonObject obj, string property, string at)
    {
        var text = reader.RequiredString(obj, property, at);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw reader.Fail($"{at}.{property}", $"\"{text}\" is not a date YYYY-MM-DD");
    }
}
