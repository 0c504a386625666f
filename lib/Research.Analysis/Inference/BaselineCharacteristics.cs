using Research.Analysis.Outcomes;
using Research.Data.Tables;

namespace Research.Analysis.Inference;

/// <summary>
/// The participants' characteristics recorded at randomisation that enter the prognostic covariate set, one element
/// per person in participants row order (the order of an <see cref="OutcomePanel"/>). <see cref="FromTable"/> reads
/// them from the <c>participants</c> table; a simulation study builds them directly.
/// </summary>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Migration">Migration background.</param>
/// <param name="Education">Education level; null when not recorded.</param>
/// <param name="BenefitMonths">Months on benefit before randomisation.</param>
/// <param name="EarningsPrevYear">Gross earnings in the year before randomisation, euros.</param>
public sealed record BaselineCharacteristics(
    IReadOnlyList<int> BirthYear,
    IReadOnlyList<string> Sex,
    IReadOnlyList<string> Migration,
    IReadOnlyList<string?> Education,
    IReadOnlyList<double> BenefitMonths,
    IReadOnlyList<double> EarningsPrevYear)
{
    /// <summary>The number of persons.</summary>
    public int Count => BirthYear.Count;

    /// <summary>Reads the columns of a <c>participants</c> table, in row order.</summary>
    /// <exception cref="OutcomeDataException">A value other than education is missing (every one listed with file and row).</exception>
    public static BaselineCharacteristics FromTable(Table participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var n = participants.RowCount;
        var birth = participants.Integers("birth_year");
        var sex = participants.Strings("sex");
        var migration = participants.Strings("migration_background");
        var education = participants.Strings("education_level");
        var months = participants.Integers("benefit_months_baseline");
        var earnings = participants.Numbers("earnings_prev_year");
        var problems = new List<string>();
        for (var row = 0; row < n; row++)
        {
            foreach (var column in (ReadOnlySpan<Column>)[birth, sex, migration, months, earnings])
            {
                if (column.IsMissing(row) || (column is StringColumn text && text[row] is null))
                {
                    problems.Add($"{participants.Resource.Path} row {participants.FileRowNumber(row)}: {column.Name} is missing");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new OutcomeDataException($"{participants.Resource.Path}: {problems.Count} value(s) of the prognostic covariates are missing", problems);
        }

        return new BaselineCharacteristics(
            Enumerable.Range(0, n).Select(r => checked((int)birth[r]!.Value)).ToArray(),
            Enumerable.Range(0, n).Select(r => sex[r]!).ToArray(),
            Enumerable.Range(0, n).Select(r => migration[r]!).ToArray(),
            Enumerable.Range(0, n).Select(r => education[r]).ToArray(),
            Enumerable.Range(0, n).Select(r => (double)months[r]!.Value).ToArray(),
            Enumerable.Range(0, n).Select(r => earnings[r]!.Value).ToArray());
    }
}
