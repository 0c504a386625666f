using Research.Data.Tables;

namespace Research.Analysis.Outcomes;

/// <summary>
/// The participant attributes an <see cref="OutcomePanel"/> needs, one element per person; the order becomes the panel's
/// person order. <see cref="FromTable"/> reads them from the <c>participants</c> table.
/// </summary>
public sealed class ParticipantColumns
{
    /// <summary>Creates the columns; all must have one element per person.</summary>
    /// <param name="ids">Person identifiers (unique).</param>
    /// <param name="randomisationMonths">Calendar month of random assignment.</param>
    /// <param name="municipality">Municipality (must be in the experiment catalogue used to build the panel).</param>
    /// <param name="arm">Assigned arm code.</param>
    /// <param name="stratum">Randomisation stratum.</param>
    /// <param name="caseworker">Caseworker identifier.</param>
    /// <param name="tookUp">Whether the person received the assigned intervention.</param>
    /// <param name="rowLabel">Names where person <c>i</c> came from in error messages, e.g. <c>participants.csv row 7</c>; default <c>participant i</c>.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public ParticipantColumns(IReadOnlyList<string> ids, YearMonth[] randomisationMonths, PersonFactor municipality, PersonFactor arm,
        PersonFactor stratum, PersonFactor caseworker, bool[] tookUp, Func<int, string>? rowLabel = null)
    {
        var n = ids.Count;
        if (randomisationMonths.Length != n || municipality.Count != n || arm.Count != n || stratum.Count != n || caseworker.Count != n || tookUp.Length != n)
        {
            throw new ArgumentException(
                $"participant columns must all have {n} elements (one per id); got randomisation months {randomisationMonths.Length}, municipality {municipality.Count}, "
                + $"arm {arm.Count}, stratum {stratum.Count}, caseworker {caseworker.Count}, took_up {tookUp.Length}");
        }

        Ids = ids;
        RandomisationMonths = randomisationMonths;
        Municipality = municipality;
        Arm = arm;
        Stratum = stratum;
        Caseworker = caseworker;
        TookUp = tookUp;
        RowLabel = rowLabel ?? (i => $"participant {i}");
    }

    /// <summary>Person identifiers.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Calendar month of random assignment.</summary>
    public YearMonth[] RandomisationMonths { get; }

    /// <summary>Municipality.</summary>
    public PersonFactor Municipality { get; }

    /// <summary>Assigned arm code.</summary>
    public PersonFactor Arm { get; }

    /// <summary>Randomisation stratum.</summary>
    public PersonFactor Stratum { get; }

    /// <summary>Caseworker identifier.</summary>
    public PersonFactor Caseworker { get; }

    /// <summary>Whether the person received the assigned intervention.</summary>
    public bool[] TookUp { get; }

    /// <summary>Where person <c>i</c> came from, for error messages.</summary>
    public Func<int, string> RowLabel { get; }

    /// <summary>The number of persons.</summary>
    public int Count => Ids.Count;

    /// <summary>Reads the columns of a <c>participants</c> table, in row order.</summary>
    /// <exception cref="OutcomeDataException">A required cell is missing.</exception>
    public static ParticipantColumns FromTable(Table participants)
    {
        var problems = new List<string>();
        var ids = participants.Strings("person_id");
        var dates = participants.Dates("randomisation_date");
        var tookUp = participants.Booleans("took_up");
        var n = participants.RowCount;
        string Label(int row) => $"{participants.Resource.Path} row {participants.FileRowNumber(row)}";

        var idList = new string[n];
        var months = new YearMonth[n];
        var took = new bool[n];
        for (var row = 0; row < n; row++)
        {
            idList[row] = ids[row] ?? "";
            months[row] = dates.IsMissing(row) ? default : YearMonth.Of(dates.Values[row]);
            took[row] = tookUp.Values[row];
            foreach (var column in (ReadOnlySpan<Column>)[ids, dates, tookUp])
            {
                if (column.IsMissing(row))
                {
                    problems.Add($"{Label(row)}: {column.Name} is missing");
                }
            }
        }

        var factors = new PersonFactor[4];
        string[] names = ["municipality", "arm", "stratum", "caseworker_id"];
        for (var i = 0; i < names.Length; i++)
        {
            var column = participants.Strings(names[i]);
            var codes = column.Codes.ToArray();
            for (var row = 0; row < n; row++)
            {
                if (codes[row] < 0)
                {
                    problems.Add($"{Label(row)}: {names[i]} is missing");
                    codes[row] = 0;
                }
            }

            factors[i] = new PersonFactor(names[i], codes, column.Levels.Count > 0 ? [.. column.Levels] : [""]);
        }

        if (problems.Count > 0)
        {
            throw new OutcomeDataException($"{participants.Resource.Path}: {problems.Count} required participant value(s) are missing", problems);
        }

        return new ParticipantColumns(idList, months, factors[0], factors[1], factors[2], factors[3], took, Label);
    }
}
