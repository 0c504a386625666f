using System.Globalization;

namespace Research.Analysis.Outcomes;

/// <summary>The derived measures: statuses at horizons, shares over windows, durable outflow, time to first outflow, trends.</summary>
public sealed partial class OutcomePanel
{
    /// <summary>The outcome in the month <paramref name="horizon"/> (e.g. 12, 24, <see cref="Horizon.EndOfIntervention"/>): 0/1 for a status, else the amount.</summary>
    /// <exception cref="OutcomeDataException">With <see cref="Coverage.Require"/>: some persons' register lacks the month (all listed).</exception>
    public PersonMeasure At(Outcome outcome, Horizon horizon, Coverage coverage = Coverage.Require) =>
        Mean(outcome, horizon, horizon, coverage, $"{outcome} at {horizon}");

    /// <summary>
    /// The mean of the outcome over the months <paramref name="from"/> to <paramref name="to"/> inclusive; for a status,
    /// the share of those months spent in it.
    /// </summary>
    /// <exception cref="ArgumentException">The window is empty (<paramref name="from"/> after <paramref name="to"/>) for some person.</exception>
    /// <exception cref="OutcomeDataException">With <see cref="Coverage.Require"/>: some persons' register lacks a month of the window.</exception>
    public PersonMeasure Mean(Outcome outcome, Horizon from, Horizon to, Coverage coverage = Coverage.Require) =>
        Mean(outcome, from, to, coverage, $"mean {outcome} over {from} to {to}");

    /// <summary>
    /// The mean of the outcome over the <paramref name="months"/> months before randomisation (months −<paramref name="months"/>
    /// to −1), for baseline adjustment and pre-trend checks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is below 1 or beyond <see cref="OutcomeDefinitions.MonthsBefore"/>.</exception>
    public PersonMeasure PreRandomisation(Outcome outcome, int months, Coverage coverage = Coverage.Require)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, Definitions.MonthsBefore);
        return Mean(outcome, -months, -1, coverage, string.Create(CultureInfo.InvariantCulture, $"mean {outcome} over the {months} months before randomisation"));
    }

    /// <summary>
    /// Durable outflow reached by a horizon: 1 when the person was in the status for at least <paramref name="months"/>
    /// consecutive months within months <paramref name="from"/> (default 1, the first month after the randomisation month)
    /// to <paramref name="by"/> inclusive, so that the spell was complete by <paramref name="by"/>; else 0. A spell broken
    /// by a single month restarts the count.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not a status, or <paramref name="months"/> is below 1.</exception>
    /// <exception cref="OutcomeDataException">With <see cref="Coverage.Require"/>: some persons' register lacks a month of the window.</exception>
    public PersonMeasure DurableBy(Outcome outcome, int months, Horizon by, int from = 1, Coverage coverage = Coverage.Require)
    {
        var reader = StatusReader(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return Compute(from, by, coverage, $"{outcome} held {months}+ consecutive months within month {from} to {by}", (start, end) =>
        {
            var run = 0;
            for (var cell = start; cell <= end; cell++)
            {
                run = reader.InStatus(cell) ? run + 1 : 0;
                if (run >= months)
                {
                    return 1.0;
                }
            }

            return 0.0;
        });
    }

    /// <summary>
    /// Durable status at a horizon: 1 when the person was in the status in month <paramref name="at"/> and each of the
    /// <paramref name="months"/> − 1 months before it; else 0.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not a status, or <paramref name="months"/> is below 1.</exception>
    /// <exception cref="OutcomeDataException">With <see cref="Coverage.Require"/>: some persons' register lacks a month of the window.</exception>
    public PersonMeasure DurableAt(Outcome outcome, int months, Horizon at, Coverage coverage = Coverage.Require)
    {
        var reader = StatusReader(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return Compute(at, at, coverage, $"{outcome} held in the {months} months ending at {at}", (_, end) =>
        {
            for (var cell = end - months + 1; cell <= end; cell++)
            {
                if (!reader.InStatus(cell))
                {
                    return 0.0;
                }
            }

            return 1.0;
        }, extendBack: months - 1);
    }

    /// <summary>
    /// Months until the first month in the status, counting from month <paramref name="from"/> (default 1): the event
    /// month, or, for a person never in the status, censoring at the last month observed without a gap up to
    /// <paramref name="maxMonth"/> (the end of the person's data or the chosen follow-up).
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not a status, or <paramref name="from"/> lies before <see cref="FirstMonth"/>.</exception>
    public TimeToEvent TimeToFirst(Outcome outcome, Horizon maxMonth, int from = 1)
    {
        var reader = StatusReader(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, FirstMonth);
        var months = new int[Count];
        var events = new bool[Count];
        for (var p = 0; p < Count; p++)
        {
            var last = Math.Min(Math.Min(maxMonth.Resolve(_interventionEnd[p], _primaryHorizon[p]), _lastObserved[p]), LastMonth);
            var t = from;
            var cell = Cell(p, t);
            while (t <= last && reader.IsObserved(cell) && !reader.InStatus(cell))
            {
                t++;
                cell++;
            }

            events[p] = t <= last && reader.IsObserved(cell);
            months[p] = events[p] ? t : t - 1;
        }

        return new TimeToEvent($"months to first {outcome} from month {from}, censored at {maxMonth} or the end of the register", months, events);
    }

    /// <summary>
    /// The monthly mean (for a status, the share in it) per municipality and arm over all months of the panel, with the
    /// number of persons observed each month: the data of the outcome-trend chart.
    /// </summary>
    public IReadOnlyList<ArmMonthlySeries> MonthlyMeans(Outcome outcome)
    {
        var reader = Reader(outcome);
        var armCount = Arm.Levels.Count;
        var keys = new List<int>();
        var groupOf = new int[Count];
        var slots = new Dictionary<int, int>();
        for (var p = 0; p < Count; p++)
        {
            var key = (Municipality.Codes[p] * armCount) + Arm.Codes[p];
            if (!slots.TryGetValue(key, out var slot))
            {
                slot = slots.Count;
                slots.Add(key, slot);
                keys.Add(key);
            }

            groupOf[p] = slot;
        }

        var sums = new double[keys.Count * Width];
        var counts = new int[keys.Count * Width];
        var gaps = HasGaps;
        for (var p = 0; p < Count; p++)
        {
            var observed = _lastObserved[p] - FirstMonth + 1;
            var sum = sums.AsSpan(groupOf[p] * Width, observed);
            var count = counts.AsSpan(groupOf[p] * Width, observed);
            if (gaps)
            {
                var row = p * Width;
                for (var m = 0; m < sum.Length; m++)
                {
                    if (reader.IsObserved(row + m))
                    {
                        sum[m] += reader[row + m];
                        count[m]++;
                    }
                }
            }
            else
            {
                reader.AddRow(p * Width, sum);
                foreach (ref var c in count)
                {
                    c++;
                }
            }
        }

        return keys
            .Select((key, g) => new ArmMonthlySeries(Municipality.Levels[key / armCount], Arm.Levels[key % armCount], FirstMonth,
                Enumerable.Range(g * Width, Width).Select(i => counts[i] > 0 ? sums[i] / counts[i] : double.NaN).ToArray(),
                counts.AsSpan(g * Width, Width).ToArray()))
            .OrderBy(s => s.Municipality, StringComparer.Ordinal)
            .ThenBy(s => s.Arm, StringComparer.Ordinal)
            .ToList();
    }

    private PersonMeasure Mean(Outcome outcome, Horizon from, Horizon to, Coverage coverage, string description)
    {
        var reader = Reader(outcome);
        return Compute(from, to, coverage, description, (start, end) =>
        {
            return reader.Sum(start, end) / (end - start + 1);
        });
    }

    /// <summary>
    /// Applies <paramref name="measure"/> to each person's cells of months <paramref name="from"/> − <paramref name="extendBack"/>
    /// to <paramref name="to"/>, after checking every one is observed.
    /// </summary>
    private PersonMeasure Compute(Horizon from, Horizon to, Coverage coverage, string description, Func<int, int, double> measure, int extendBack = 0)
    {
        var persons = new int[Count];
        var values = new double[Count];
        var included = 0;
        var excluded = new List<int>();
        var problems = new List<string>();
        for (var p = 0; p < Count; p++)
        {
            var first = from.Resolve(_interventionEnd[p], _primaryHorizon[p]) - extendBack;
            var last = to.Resolve(_interventionEnd[p], _primaryHorizon[p]);
            if (first > last)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{description}: the window is empty for {Describe(p)} (from month {first:+0;-0;0} to {last:+0;-0;0})"));
            }

            if (first < FirstMonth || last > _lastObserved[p] || (HasGaps && !AllObserved(Cell(p, first), Cell(p, last))))
            {
                excluded.Add(p);
                if (coverage == Coverage.Require)
                {
                    problems.Add(Describe(p) + string.Create(CultureInfo.InvariantCulture,
                        $": needs months {first:+0;-0;0} to {last:+0;-0;0}; the register covers {FirstMonth:+0;-0;0} to {_lastObserved[p]:+0;-0;0}{(Definitions.AllowGaps ? " with gaps" : "")}"));
                }

                continue;
            }

            persons[included] = p;
            values[included++] = measure(Cell(p, first), Cell(p, last));
        }

        if (problems.Count > 0)
        {
            throw new OutcomeDataException(string.Create(CultureInfo.InvariantCulture,
                $"{description}: the register of {problems.Count} person(s) does not cover the months needed (pass Coverage.ExcludeUncovered to leave them out and count them)"), problems);
        }

        return included == Count
            ? new PersonMeasure(description, persons, values, [])
            : new PersonMeasure(description, persons[..included], values[..included], [.. excluded]);
    }

    private bool AllObserved(int firstCell, int lastCell)
    {
        for (var cell = firstCell; cell <= lastCell; cell++)
        {
            if ((_flags[cell] & (byte)CellFlags.Observed) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private CellReader StatusReader(Outcome outcome)
    {
        var reader = Reader(outcome);
        return reader.IsStatus
            ? reader
            : throw new ArgumentException($"{outcome} is an amount, not a status; durable spells and time to first outflow need {Outcome.FullOutflow}, {Outcome.PartialOrFullOutflow} or {Outcome.BenefitIndependence}", nameof(outcome));
    }
}
