using System.Globalization;
using Research.Data.Design;
using Research.Data.Tables;

namespace Research.Analysis.Outcomes;

/// <summary>
/// Scatters register rows straight into their person × relative-month cell: one pass, no sort, and duplicates and gaps
/// fall out of the cell's observed bit.
/// </summary>
internal static class OutcomePanelBuilder
{
    private const int ProblemLimit = 1_000;

    public static OutcomePanel Build(ParticipantColumns people, RegisterColumns register, ExperimentCatalog experiments, OutcomeDefinitions definitions)
    {
        var n = people.Count;
        var before = definitions.MonthsBefore;
        var problems = new List<string>();
        var (interventionEnd, primary) = DesignMonths(people, experiments, problems);
        ThrowIf(problems, "the participants' municipalities are not all in the experiment catalogue");

        var width = Width(people, register, before);
        if ((long)n * width > Array.MaxLength)
        {
            throw new OutcomeDataException("the panel is too large for one array", [string.Create(CultureInfo.InvariantCulture, $"{n} persons x {width} months")]);
        }

        var flags = new byte[n * width];
        // Amounts are read only from observed cells, so they need not be zeroed first.
        var hours = GC.AllocateUninitializedArray<double>(n * width);
        var earnings = GC.AllocateUninitializedArray<double>(n * width);
        var benefit = GC.AllocateUninitializedArray<double>(n * width);
        var lastObserved = new int[n];
        Array.Fill(lastObserved, int.MinValue);
        var observed = new int[n];
        Scatter(people, register, definitions, width, flags, hours, earnings, benefit, lastObserved, observed, problems);
        ThrowIf(problems, "the register rows cannot be placed in the panel");

        for (var p = 0; p < n; p++)
        {
            if (observed[p] == 0)
            {
                // Not linked to the register (validation warns): no outcome is observed, so measures and reports leave
                // the person out (OutcomePanel.IsLinked) instead of failing every report of the extract.
                lastObserved[p] = -before - 1;
            }
            else if (!definitions.AllowGaps && observed[p] != lastObserved[p] + before + 1)
            {
                var gap = Array.IndexOf(flags, (byte)0, p * width, lastObserved[p] + before + 1) - (p * width) - before;
                Add(problems, string.Create(CultureInfo.InvariantCulture,
                    $"{Where(people, p)}: register month {people.RandomisationMonths[p].AddMonths(gap)} (month {gap:+0;-0;0}) is missing; {lastObserved[p] + before + 1 - observed[p]} month(s) are missing between month -{before} and the last register month {lastObserved[p]:+0;-0;0}"));
            }
        }

        ThrowIf(problems, "register months are missing (declare gaps with OutcomeDefinitions.AllowGaps to build anyway)");
        return new OutcomePanel(definitions, people, width, flags, hours, earnings, benefit, lastObserved, interventionEnd, primary);
    }

    private static void Scatter(ParticipantColumns people, RegisterColumns register, OutcomeDefinitions definitions, int width,
        byte[] flags, double[] hours, double[] earnings, double[] benefit, int[] lastObserved, int[] observed, List<string> problems)
    {
        var before = definitions.MonthsBefore;
        var full = definitions.FullTimeHours;
        var partial = definitions.PartialHours;
        var fullNeedsOff = definitions.FullOutflowRequiresOffBenefit;
        var partialNeedsOff = definitions.PartialOutflowRequiresOffBenefit;
        var randomised = people.RandomisationMonths;
        var codes = register.PersonCodes;
        var personOfCode = register.PersonOfCode;
        var months = register.Months;
        var onBenefit = register.OnBenefit;
        var hoursIn = register.ContractHours;
        var earningsIn = register.Earnings;
        var benefitIn = register.BenefitAmounts;
        for (var row = 0; row < codes.Length; row++)
        {
            var code = codes[row];
            var p = (uint)code < (uint)personOfCode.Length ? personOfCode[code] : -1;
            if (p < 0)
            {
                Add(problems, $"{register.RowLabel(row)}: the person is not a participant");
                continue;
            }

            var month = months[row].MonthsSince(randomised[p]);
            if (month < -before)
            {
                continue;
            }

            var cell = (p * width) + month + before;
            var h = hoursIn[row];
            var e = earningsIn[row];
            var b = benefitIn.IsEmpty ? double.NaN : benefitIn[row];
            if ((flags[cell] & (byte)CellFlags.Observed) != 0 || !double.IsFinite(h) || !double.IsFinite(e) || (!benefitIn.IsEmpty && !double.IsFinite(b)))
            {
                Add(problems, (flags[cell] & (byte)CellFlags.Observed) != 0
                    ? $"{register.RowLabel(row)}: the person of {people.RowLabel(p)} has month {months[row]} twice"
                    : $"{register.RowLabel(row)}: contract_hours {h.ToString("R", CultureInfo.InvariantCulture)}, earnings {e.ToString("R", CultureInfo.InvariantCulture)} or benefit_amount {b.ToString("R", CultureInfo.InvariantCulture)} is not a finite number");
                continue;
            }

            var off = !onBenefit[row];
            var status = CellFlags.Observed;
            if (off)
            {
                status |= CellFlags.OffBenefit;
            }

            if (h > full && (off || !fullNeedsOff))
            {
                status |= CellFlags.Full | CellFlags.PartialOrFull;
            }
            else if (h > partial && (off || !partialNeedsOff))
            {
                status |= CellFlags.PartialOrFull;
            }

            flags[cell] = (byte)status;
            hours[cell] = h;
            earnings[cell] = e;
            benefit[cell] = b;
            observed[p]++;
            if (month > lastObserved[p])
            {
                lastObserved[p] = month;
            }
        }
    }

    /// <summary>Months from −before to the latest month after randomisation any participant's register reaches.</summary>
    private static int Width(ParticipantColumns people, RegisterColumns register, int before)
    {
        var randomised = people.RandomisationMonths;
        var codes = register.PersonCodes;
        var personOfCode = register.PersonOfCode;
        var months = register.Months;
        var latest = 0;
        for (var row = 0; row < codes.Length; row++)
        {
            var code = codes[row];
            if ((uint)code < (uint)personOfCode.Length && personOfCode[code] >= 0)
            {
                latest = Math.Max(latest, months[row].MonthsSince(randomised[personOfCode[code]]));
            }
        }

        return latest + before + 1;
    }

    private static (int[] InterventionEnd, int[] Primary) DesignMonths(ParticipantColumns people, ExperimentCatalog experiments, List<string> problems)
    {
        var municipality = people.Municipality;
        var designs = municipality.Levels.Select(m => experiments.Contains(m) ? experiments[m] : null).ToArray();
        var end = new int[people.Count];
        var primary = new int[people.Count];
        for (var p = 0; p < people.Count; p++)
        {
            if (designs[municipality.Codes[p]] is not { } experiment)
            {
                Add(problems, $"{Where(people, p)}: municipality '{municipality[p]}' is not in the experiment catalogue ({string.Join(", ", experiments.Experiments.Select(e => e.Municipality))})");
                continue;
            }

            end[p] = YearMonth.Of(experiment.InterventionEnd).MonthsSince(people.RandomisationMonths[p]);
            primary[p] = experiment.PrimaryHorizonMonths;
        }

        return (end, primary);
    }

    // Rows, never person ids: these messages reach notebook outputs and logs.
    private static string Where(ParticipantColumns people, int p) => $"the person of {people.RowLabel(p)}";

    private static void Add(List<string> problems, string problem)
    {
        if (problems.Count < ProblemLimit)
        {
            problems.Add(problem);
        }
    }

    private static void ThrowIf(List<string> problems, string summary)
    {
        if (problems.Count > 0)
        {
            var more = problems.Count >= ProblemLimit ? string.Create(CultureInfo.InvariantCulture, $" (the first {ProblemLimit} are listed)") : "";
            throw new OutcomeDataException(summary + more, problems.ToList());
        }
    }
}
