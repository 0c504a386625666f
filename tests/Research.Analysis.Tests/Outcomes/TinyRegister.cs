using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Data.Tables;

namespace Research.Analysis.Tests.Outcomes;

/// <summary>
/// Builds small panels from month patterns, one character per register month starting at month −12:
/// <c>B</c> on benefit, 0 h; <c>O</c> off benefit, 0 h; <c>F</c> off benefit, 30 h (full outflow);
/// <c>P</c> on benefit, 20 h (partial outflow); <c>X</c> on benefit, 40 h (partial, not full: still on benefit);
/// <c>t</c> off benefit, exactly 12 h; <c>T</c> off benefit, exactly 27 h; <c>-</c> no register row (a gap).
/// Earnings are 100 × hours + the month number, so every cell is distinguishable.
/// </summary>
internal sealed class TinyRegister
{
    private readonly List<(string Id, YearMonth Randomised, string Municipality, string Arm)> _people = [];
    private readonly List<(int Person, YearMonth Month, bool OnBenefit, double Hours, double Earnings)> _rows = [];

    public static YearMonth DefaultRandomisation { get; } = new(2018, 6);

    public TinyRegister Person(string id, string pattern, string municipality = "utrecht", string arm = "control", YearMonth? randomised = null)
    {
        var rand = randomised ?? DefaultRandomisation;
        var person = _people.Count;
        _people.Add((id, rand, municipality, arm));
        for (var i = 0; i < pattern.Length; i++)
        {
            var month = rand.AddMonths(i - 12);
            var (onBenefit, hours) = pattern[i] switch
            {
                'B' => (true, 0.0),
                'O' => (false, 0.0),
                'F' => (false, 30.0),
                'P' => (true, 20.0),
                'X' => (true, 40.0),
                't' => (false, 12.0),
                'T' => (false, 27.0),
                '-' => (true, double.NaN),
                _ => throw new ArgumentException($"unknown pattern character '{pattern[i]}'"),
            };
            if (!double.IsNaN(hours))
            {
                _rows.Add((person, month, onBenefit, hours, (100 * hours) + i - 12));
            }
        }

        return this;
    }

    /// <summary>Adds a raw row (for duplicates and strangers); person −1 is not a participant.</summary>
    public TinyRegister Row(int person, YearMonth month, bool onBenefit = true, double hours = 0, double earnings = 0)
    {
        _rows.Add((person, month, onBenefit, hours, earnings));
        return this;
    }

    public OutcomePanel Build(OutcomeDefinitions? definitions = null)
    {
        var n = _people.Count;
        var people = new ParticipantColumns(
            _people.Select(p => p.Id).ToList(),
            _people.Select(p => p.Randomised).ToArray(),
            Factor("municipality", _people.Select(p => p.Municipality)),
            Factor("arm", _people.Select(p => p.Arm)),
            Factor("stratum", _people.Select(_ => "all")),
            Factor("caseworker_id", _people.Select((_, i) => $"CW-{i % 2}")),
            new bool[n],
            i => $"test participant {i}");

        // Person codes are participant indices, plus one extra code that maps to no participant.
        var codes = _rows.Select(r => r.Person < 0 ? n : r.Person).ToArray();
        var personOfCode = Enumerable.Range(0, n).Append(-1).ToArray();
        var register = new RegisterColumns(codes, personOfCode, _rows.Select(r => r.Month).ToArray(), _rows.Select(r => r.OnBenefit).ToArray(),
            _rows.Select(r => r.Hours).ToArray(), _rows.Select(r => r.Earnings).ToArray(), r => $"test row {r}");
        return OutcomePanel.Build(people, register, ExperimentCatalog.Canonical, definitions);
    }

    private static PersonFactor Factor(string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        var levels = list.Distinct().ToArray();
        return new PersonFactor(name, list.Select(v => Array.IndexOf(levels, v)).ToArray(), levels);
    }
}
