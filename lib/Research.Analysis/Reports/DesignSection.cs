using System.Globalization;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 1, the design: the arms and how many were randomised to each, and the CONSORT-style flow invited →
/// randomised → took up → in the register at the primary horizon → responded per survey wave.
/// </summary>
public sealed class DesignSection
{
    private DesignSection(Experiment experiment, IReadOnlyList<ArmSize> arms, IReadOnlyList<FlowCount> flow)
    {
        Experiment = experiment;
        Arms = arms;
        Flow = flow;
    }

    /// <summary>The experiment design.</summary>
    public Experiment Experiment { get; }

    /// <summary>The arms in design order with their sizes.</summary>
    public IReadOnlyList<ArmSize> Arms { get; }

    /// <summary>The flow: per stage its total, then one count per arm that passes through it.</summary>
    public IReadOnlyList<FlowCount> Flow { get; }

    /// <summary>Counts the flow.</summary>
    public static DesignSection Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var experiment = context.Experiment;
        var panel = context.Panel;
        var arms = experiment.Arms.Select(a => new ArmSize(a, context.Arms.Count(x => x == a.Code))).ToList();

        var respondents = Respondents(context);
        var c = CultureInfo.InvariantCulture;
        var stages = new List<(FlowStage Stage, Func<int, bool> Counts)>
        {
            (new FlowStage("randomised", "Randomised", true), _ => true),
            (new FlowStage("took_up", "Took up the assigned intervention", false), p => panel.TookUp[p]),
            (new FlowStage("in_register", string.Create(c, $"In register data at month {experiment.PrimaryHorizonMonths}"), true),
                p => panel.IsObserved(p, experiment.PrimaryHorizonMonths)),
        };
        stages.AddRange(experiment.SurveyWaves.Select(w => (
            new FlowStage(string.Create(c, $"responded_w{w.Wave}"), string.Create(c, $"Responded to survey wave {w.Wave} (month {w.MonthsAfterRandomisation})"), true),
            (Func<int, bool>)(p => respondents.Contains((panel.Ids[p], w.Wave))))));

        var flow = new List<FlowCount> { new(new FlowStage("invited", "Invited to take part", true), null, experiment.Invited) };
        foreach (var (stage, counts) in stages)
        {
            var perArm = experiment.Arms.Where(a => stage.IncludesControl || !a.IsControl)
                .Select(a => new FlowCount(stage, a, context.Persons.Where((p, i) => context.Arms[i] == a.Code && counts(p)).Count())).ToList();
            flow.Add(new FlowCount(stage, null, perArm.Sum(f => f.Count)));
            flow.AddRange(perArm);
        }

        return new DesignSection(experiment, arms, flow);
    }

    /// <summary>The (person id, wave) pairs with a survey response.</summary>
    internal static HashSet<(string Person, int Wave)> Respondents(ReportContext context)
    {
        var set = new HashSet<(string, int)>();
        if (context.Extract.SurveyResponses is { } survey)
        {
            var ids = survey.Strings("person_id");
            var waves = survey.Integers("wave");
            for (var row = 0; row < survey.RowCount; row++)
            {
                if (ids[row] is { } id && waves[row] is { } wave)
                {
                    set.Add((id, checked((int)wave)));
                }
            }
        }

        return set;
    }
}
