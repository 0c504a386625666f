using System.Globalization;
using Research.Data.Design;
using Research.Data.Tables;

namespace Research.Data.Validation;

/// <summary>
/// Per participant: row, municipality's experiment and randomisation month, after checking the participant-level
/// design rules (arm known for the municipality, one-sided take-up, self-chosen component, intake window).
/// </summary>
internal sealed class ParticipantFacts
{
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly List<int> _rows = [];
    private readonly List<string> _ids = [];
    private readonly List<Experiment?> _experiments = [];
    private readonly List<DateOnly?> _dates = [];

    public int Count => _rows.Count;

    public int Row(int person) => _rows[person];

    public string Id(int person) => _ids[person];

    public Experiment? Experiment(int person) => _experiments[person];

    public DateOnly? RandomisationDate(int person) => _dates[person];

    public YearMonth? RandomisationMonth(int person) => _dates[person] is { } d ? YearMonth.Of(d) : null;

    public bool TryFind(string id, out int person) => _indexOf.TryGetValue(id, out person);

    public static ParticipantFacts From(Table participants, ExperimentCatalog catalog, IssueSink sink)
    {
        var facts = new ParticipantFacts();
        var file = participants.Resource.Path;
        var ids = participants.Strings("person_id");
        var municipality = participants.Strings("municipality");
        var arm = participants.Strings("arm");
        var tookUp = participants.Booleans("took_up");
        var chosen = participants.Strings("chosen_intervention");
        var date = participants.Dates("randomisation_date");
        for (var row = 0; row < participants.RowCount; row++)
        {
            if (ids[row] is not { } id || !facts._indexOf.TryAdd(id, facts.Count))
            {
                continue;
            }

            var experiment = municipality[row] is { } m && catalog.Contains(m) ? catalog[m] : null;
            facts._rows.Add(row);
            facts._ids.Add(id);
            facts._experiments.Add(experiment);
            facts._dates.Add(date[row]);
            if (experiment is null)
            {
                continue;
            }

            var fileRow = participants.FileRowNumber(row);
            var assigned = arm[row] is { } code ? experiment.Arm(code) : null;
            if (arm[row] is { } unknown && assigned is null)
            {
                sink.Error(file, fileRow, "arm", unknown, Rules.ArmKnown,
                    $"{experiment.Municipality} has arms {string.Join(", ", experiment.Arms.Select(a => a.Code))}");
            }

            if (assigned is { IsControl: true } && tookUp[row] == true)
            {
                sink.Error(file, fileRow, "took_up", "1", Rules.TakeUp, "a control-arm participant cannot take up a treatment (non-compliance is one-sided)");
            }

            if (assigned is not null && chosen[row] is { } component && !assigned.ComponentSelfChosen)
            {
                sink.Error(file, fileRow, "chosen_intervention", component, Rules.ChoiceArm, $"only a self-chosen arm records a chosen component; arm {assigned.Code} is randomised");
            }

            if (assigned is { ComponentSelfChosen: true } && tookUp[row] == true && chosen.IsMissing(row))
            {
                sink.Error(file, fileRow, "chosen_intervention", null, Rules.ChoiceArm, $"a participant of the self-chosen arm {assigned.Code} who took it up must record the chosen component");
            }

            if (date[row] is { } d && (d < experiment.IntakeStart || d > experiment.IntakeEnd))
            {
                sink.Error(file, fileRow, "randomisation_date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Rules.IntakeWindow,
                    $"{experiment.Municipality} randomised between {experiment.IntakeStart:yyyy-MM-dd} and {experiment.IntakeEnd:yyyy-MM-dd}");
            }
        }

        return facts;
    }
}
