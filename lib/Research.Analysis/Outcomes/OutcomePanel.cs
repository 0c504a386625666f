using System.Globalization;
using Research.Data;
using Research.Data.Design;
using Research.Data.Tables;

namespace Research.Analysis.Outcomes;

/// <summary>
/// Register outcomes as a person × month matrix relative to randomisation (month 0 = the calendar month of random
/// assignment), persons in participants row order, months from <see cref="FirstMonth"/> (= −<see cref="OutcomeDefinitions.MonthsBefore"/>)
/// to <see cref="LastMonth"/>. Storage is person-major and contiguous: one status byte, contract hours and earnings per
/// cell. Registers end at different months after randomisation; each person's coverage is kept
/// (<see cref="LastObservedMonth"/>) and the measures either require it or exclude and count the persons lacking it.
/// </summary>
/// <example>
/// <code>
/// var panel = OutcomePanel.FromExtract(Extract.Load("extracts"));
/// var employed24 = panel.At(Outcome.PartialOrFullOutflow, 24);
/// var survival = panel.TimeToFirst(Outcome.FullOutflow, Horizon.Month(36));
/// </code>
/// </example>
public sealed partial class OutcomePanel
{
    private readonly byte[] _flags;
    private readonly double[] _hours;
    private readonly double[] _earnings;
    private readonly double[] _benefit;
    private readonly int[] _lastObserved;
    private readonly int[] _interventionEnd;
    private readonly int[] _primaryHorizon;
    private readonly ParticipantColumns _people;

    internal OutcomePanel(OutcomeDefinitions definitions, ParticipantColumns people, int width, byte[] flags, double[] hours, double[] earnings, double[] benefit,
        int[] lastObserved, int[] interventionEnd, int[] primaryHorizon)
    {
        Definitions = definitions;
        _people = people;
        Width = width;
        _flags = flags;
        _hours = hours;
        _earnings = earnings;
        _benefit = benefit;
        _lastObserved = lastObserved;
        _interventionEnd = interventionEnd;
        _primaryHorizon = primaryHorizon;
        var linked = lastObserved.Where(m => m >= FirstMonth).ToArray();
        CommonHorizon = linked.Length == 0 ? FirstMonth - 1 : linked.Min();
        UnlinkedCount = lastObserved.Length - linked.Length;
        HasGaps = definitions.AllowGaps && HasUnobservedCell();
    }

    /// <summary>The thresholds the statuses were derived with.</summary>
    public OutcomeDefinitions Definitions { get; }

    /// <summary>The number of persons.</summary>
    public int Count => _people.Count;

    /// <summary>The earliest relative month held (−<see cref="OutcomeDefinitions.MonthsBefore"/>).</summary>
    public int FirstMonth => -Definitions.MonthsBefore;

    /// <summary>The latest relative month any person is observed in.</summary>
    public int LastMonth => FirstMonth + Width - 1;

    /// <summary>
    /// The largest month every linked person's register reaches (the longest fixed horizon needing no exclusions when the
    /// register has no declared gaps).
    /// </summary>
    public int CommonHorizon { get; }

    /// <summary>How many persons have no register month at all (not linked to the register; see <see cref="IsLinked"/>).</summary>
    public int UnlinkedCount { get; }

    /// <summary>Whether some person lacks a register month between <see cref="FirstMonth"/> and their last register month (only possible with <see cref="OutcomeDefinitions.AllowGaps"/>).</summary>
    public bool HasGaps { get; }

    /// <summary>Months per person row of the matrix.</summary>
    internal int Width { get; }

    /// <summary>Person identifiers.</summary>
    public IReadOnlyList<string> Ids => _people.Ids;

    /// <summary>Municipality of each person.</summary>
    public PersonFactor Municipality => _people.Municipality;

    /// <summary>Assigned arm code of each person.</summary>
    public PersonFactor Arm => _people.Arm;

    /// <summary>Randomisation stratum of each person.</summary>
    public PersonFactor Stratum => _people.Stratum;

    /// <summary>Caseworker of each person (the cluster for standard errors).</summary>
    public PersonFactor Caseworker => _people.Caseworker;

    /// <summary>Whether each person received the assigned intervention.</summary>
    public ReadOnlySpan<bool> TookUp => _people.TookUp;

    /// <summary>Calendar month of each person's random assignment (relative month 0).</summary>
    public ReadOnlySpan<YearMonth> RandomisationMonth => _people.RandomisationMonths;

    /// <summary>Per person, the last relative month in the register.</summary>
    public ReadOnlySpan<int> LastObservedMonth => _lastObserved;

    /// <summary>Per person, the relative month holding the end of the experiment's intervention period.</summary>
    public ReadOnlySpan<int> InterventionEndMonth => _interventionEnd;

    /// <summary>
    /// Whether <paramref name="person"/> has any register month. A participant the register does not know is "not linked"
    /// (a validation warning): every outcome is unobserved, so analyses leave the person out.
    /// </summary>
    public bool IsLinked(int person) => _lastObserved[person] >= FirstMonth;

    /// <summary>
    /// Where person <paramref name="person"/> came from (e.g. <c>the person of participants.csv row 7</c>), for messages;
    /// never the person id, because messages reach published notebooks and logs.
    /// </summary>
    public string Describe(int person) => $"the person of {_people.RowLabel(person)}";

    /// <summary>Whether the register has relative month <paramref name="month"/> for <paramref name="person"/>.</summary>
    public bool IsObserved(int person, int month) =>
        month >= FirstMonth && month <= LastMonth && (_flags[Cell(person, month)] & (byte)CellFlags.Observed) != 0;

    /// <summary>The outcome of one person in one relative month (0/1 for a status).</summary>
    /// <exception cref="OutcomeDataException">The register does not have the month for the person.</exception>
    public double Value(Outcome outcome, int person, int month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(person, Count);
        if (!IsObserved(person, month))
        {
            throw new OutcomeDataException(string.Create(CultureInfo.InvariantCulture, $"{outcome} in month {month:+0;-0;0} is not observed"),
                [Describe(person) + string.Create(CultureInfo.InvariantCulture, $": the register covers months {FirstMonth:+0;-0;0} to {_lastObserved[person]:+0;-0;0}")]);
        }

        return Reader(outcome)[Cell(person, month)];
    }

    /// <summary>
    /// Builds the panel from the participants and register of <paramref name="extract"/>, with the extract's experiment designs.
    /// </summary>
    /// <exception cref="OutcomeDataException">A table is absent or the register has missing, duplicate or unknown months (every one listed).</exception>
    public static OutcomePanel FromExtract(Extract extract, OutcomeDefinitions? definitions = null)
    {
        ArgumentNullException.ThrowIfNull(extract);
        var participants = extract.Participants
            ?? throw new OutcomeDataException($"the extract in {extract.Directory} has no participants table", ["participants: file missing"]);
        var register = extract.RegisterMonths
            ?? throw new OutcomeDataException($"the extract in {extract.Directory} has no register_months table", ["register_months: file missing"]);
        return FromTables(participants, register, extract.Experiments, definitions);
    }

    /// <summary>Builds the panel from a <c>participants</c> and a <c>register_months</c> table.</summary>
    /// <exception cref="OutcomeDataException">
    /// A participant id repeats, or the register has missing, duplicate or unknown months or missing values (every one listed).
    /// </exception>
    public static OutcomePanel FromTables(Table participants, Table register, ExperimentCatalog experiments, OutcomeDefinitions? definitions = null)
    {
        var people = ParticipantColumns.FromTable(participants);
        var ids = register.Strings("person_id");
        var months = register.YearMonths("month");
        var onBenefit = register.Booleans("on_benefit");
        var hours = register.Numbers("contract_hours");
        var earnings = register.Numbers("earnings");
        var benefit = register.Numbers("benefit_amount");
        string Label(int row) => $"{register.Resource.Path} row {register.FileRowNumber(row)}";

        var missing = new List<string>();
        foreach (var column in (ReadOnlySpan<Column>)[ids, months, onBenefit, hours, earnings, benefit])
        {
            for (var row = 0; column.HasMissing && row < register.RowCount; row++)
            {
                if (column.IsMissing(row))
                {
                    missing.Add($"{Label(row)}: {column.Name} is missing");
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new OutcomeDataException($"{register.Resource.Path}: {missing.Count} value(s) needed for the outcomes are missing", missing);
        }

        var index = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (var p = 0; p < people.Count; p++)
        {
            if (!index.TryAdd(people.Ids[p], p))
            {
                duplicates.Add($"{people.RowLabel(p)}: the person_id already appeared at {people.RowLabel(index[people.Ids[p]])}");
            }
        }

        if (duplicates.Count > 0)
        {
            throw new OutcomeDataException($"{participants.Resource.Path}: person_id is not unique", duplicates);
        }

        var personOfCode = ids.Levels.Select(id => index.GetValueOrDefault(id, -1)).ToArray();
        var columns = new RegisterColumns(ids.Codes, personOfCode, months.Values, onBenefit.Values, hours.Values, earnings.Values, Label, benefit.Values);
        return Build(people, columns, experiments, definitions);
    }

    /// <summary>Builds the panel from plain columns (one pass over the register rows, in any order).</summary>
    /// <exception cref="OutcomeDataException">
    /// A register row names a non-participant or holds a non-finite amount, a month appears twice for a person, a person's
    /// months between −<see cref="OutcomeDefinitions.MonthsBefore"/> and their last month have a gap (unless
    /// <see cref="OutcomeDefinitions.AllowGaps"/>), or a municipality is not in <paramref name="experiments"/>.
    /// </exception>
    public static OutcomePanel Build(ParticipantColumns people, RegisterColumns register, ExperimentCatalog experiments, OutcomeDefinitions? definitions = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(experiments);
        definitions ??= OutcomeDefinitions.Cpb;
        definitions.Validate();
        return OutcomePanelBuilder.Build(people, register, experiments, definitions);
    }

    private int Cell(int person, int month) => (person * Width) + month - FirstMonth;

    private bool HasUnobservedCell()
    {
        for (var p = 0; p < Count; p++)
        {
            if (IsLinked(p) && _flags.AsSpan(p * Width, _lastObserved[p] - FirstMonth + 1).Contains((byte)0))
            {
                return true;
            }
        }

        return false;
    }

    private CellReader Reader(Outcome outcome) => outcome switch
    {
        Outcome.FullOutflow => new CellReader(_flags, CellFlags.Full, null),
        Outcome.PartialOrFullOutflow => new CellReader(_flags, CellFlags.PartialOrFull, null),
        Outcome.BenefitIndependence => new CellReader(_flags, CellFlags.OffBenefit, null),
        Outcome.EarningsOutflow => new CellReader(_flags, CellFlags.OffBenefit, null, _earnings, Definitions.EarningsThreshold),
        Outcome.Earnings => new CellReader(_flags, CellFlags.None, _earnings),
        Outcome.Hours => new CellReader(_flags, CellFlags.None, _hours),
        Outcome.BenefitAmount => new CellReader(_flags, CellFlags.None, _benefit),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown outcome"),
    };

    /// <summary>
    /// Reads one outcome from a cell: a status bit as 0/1 (optionally also requiring an amount of at least a threshold,
    /// as earnings-based outflow does), or an amount.
    /// </summary>
    private readonly struct CellReader(byte[] flags, CellFlags status, double[]? amounts, double[]? gate = null, double threshold = 0)
    {
        public bool IsStatus => amounts is null;

        public double this[int cell] => amounts is null ? (InStatus(cell) ? 1.0 : 0.0) : amounts[cell];

        public bool InStatus(int cell) => (flags[cell] & (byte)status) != 0 && (gate is null || gate[cell] >= threshold);

        public bool IsObserved(int cell) => (flags[cell] & (byte)CellFlags.Observed) != 0;

        /// <summary>Adds the values of the cells from <paramref name="firstCell"/> on to <paramref name="sums"/>, element by element.</summary>
        public void AddRow(int firstCell, Span<double> sums)
        {
            if (amounts is { } values)
            {
                var row = values.AsSpan(firstCell, sums.Length);
                for (var m = 0; m < sums.Length; m++)
                {
                    sums[m] += row[m];
                }
            }
            else
            {
                for (var m = 0; m < sums.Length; m++)
                {
                    sums[m] += InStatus(firstCell + m) ? 1.0 : 0.0;
                }
            }
        }

        /// <summary>The sum of the values of cells <paramref name="firstCell"/> to <paramref name="lastCell"/>.</summary>
        public double Sum(int firstCell, int lastCell)
        {
            var length = lastCell - firstCell + 1;
            if (amounts is { } values)
            {
                var sum = 0.0;
                foreach (var value in values.AsSpan(firstCell, length))
                {
                    sum += value;
                }

                return sum;
            }

            var count = 0;
            for (var cell = firstCell; cell <= lastCell; cell++)
            {
                count += InStatus(cell) ? 1 : 0;
            }

            return count;
        }
    }
}
