using Research.Data.Design;
using Research.Data.Truth;
using Research.Synthetic.Population;
using Research.Synthetic.Register;
using Research.Synthetic.Survey;
using Research.Synthetic.Truth;

namespace Research.Synthetic;

/// <summary>
/// One experiment's generated participants in memory, with their register months and survey waves on demand and the
/// planted truth: exactly what <see cref="SyntheticExtractGenerator.Generate"/> writes for the municipality, without
/// the files, for simulation studies that need many replications. Immutable; <see cref="Register"/> and
/// <see cref="Survey"/> may be called from several threads.
/// </summary>
/// <example>
/// <code>
/// foreach (var site in new SyntheticExtractGenerator().Sites(new SyntheticOptions { Seed = 7 }))
/// {
///     var months = site.Register(site.Participants[0]);
/// }
/// </code>
/// </example>
public sealed class SyntheticSite
{
    private readonly RegisterSimulator _register;
    private readonly SurveySimulator _survey;
    private readonly ulong _seed;
    private readonly Lazy<MunicipalityTruth> _truth;

    internal SyntheticSite(Experiment experiment, SampledSite sample, WorkProcess process, RegisterSimulator register, SurveySimulator survey, ulong seed)
    {
        Experiment = experiment;
        Participants = sample.People;
        ExpectedTakeUp = sample.ExpectedTakeUp;
        _register = register;
        _survey = survey;
        _seed = seed;
        _truth = new Lazy<MunicipalityTruth>(() => TruthCalculator.Compute(experiment, sample, process));
    }

    /// <summary>The experiment's design.</summary>
    public Experiment Experiment { get; }

    /// <summary>The participants, in the order of <c>participants.csv</c>.</summary>
    public IReadOnlyList<SyntheticPerson> Participants { get; }

    /// <summary>The mean take-up probability over the participants (the model is the same in every treatment arm).</summary>
    public double ExpectedTakeUp { get; }

    /// <summary>The planted effects for these participants, as in <c>truth.json</c> (computed on first use).</summary>
    public MunicipalityTruth Truth => _truth.Value;

    /// <summary>The survey item columns, in the order of <see cref="SurveyRow.Answers"/>.</summary>
    public IReadOnlyList<string> SurveyColumns => _survey.Items.Select(i => i.Column).ToList();

    /// <summary>The person's register months from twelve months before randomisation to the end of the data.</summary>
    public IReadOnlyList<RegisterMonth> Register(SyntheticPerson person) => _register.Simulate(Check(person), _seed);

    /// <summary>The person's survey interviews (waves not responded to are absent), given their <see cref="Register"/> months.</summary>
    public IReadOnlyList<SurveyRow> Survey(SyntheticPerson person, IReadOnlyList<RegisterMonth> register) => _survey.Simulate(Check(person), register, _seed);

    private SyntheticPerson Check(SyntheticPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Experiment == Experiment ? person : throw new ArgumentException($"{person.Id} is a participant of {person.Experiment.Municipality}, not {Experiment.Municipality}", nameof(person));
    }
}
