using Research.Data.Tables;

namespace Research.Analysis.Outcomes;

/// <summary>
/// The register months an <see cref="OutcomePanel"/> is built from, as spans over existing column storage (nothing is
/// copied). Row <c>r</c> belongs to person <c>PersonOfCode[PersonCodes[r]]</c> (a participant index, or negative for
/// an identifier that is not a participant), so a dictionary-encoded <c>person_id</c> column is used as it is.
/// </summary>
public readonly ref struct RegisterColumns
{
    /// <summary>Creates the columns; the row spans must have equal length.</summary>
    /// <exception cref="ArgumentException">The row spans differ in length.</exception>
    /// <remarks>Without <paramref name="benefitAmounts"/> the benefit paid is unknown (NaN in every month).</remarks>
    public RegisterColumns(ReadOnlySpan<int> personCodes, ReadOnlySpan<int> personOfCode, ReadOnlySpan<YearMonth> months,
        ReadOnlySpan<bool> onBenefit, ReadOnlySpan<double> contractHours, ReadOnlySpan<double> earnings, Func<int, string>? rowLabel = null,
        ReadOnlySpan<double> benefitAmounts = default)
    {
        var n = personCodes.Length;
        if (months.Length != n || onBenefit.Length != n || contractHours.Length != n || earnings.Length != n || (!benefitAmounts.IsEmpty && benefitAmounts.Length != n))
        {
            throw new ArgumentException(
                $"register columns must have equal length; got person {n}, month {months.Length}, on_benefit {onBenefit.Length}, contract_hours {contractHours.Length}, earnings {earnings.Length}, benefit_amount {benefitAmounts.Length}");
        }

        PersonCodes = personCodes;
        PersonOfCode = personOfCode;
        Months = months;
        OnBenefit = onBenefit;
        ContractHours = contractHours;
        Earnings = earnings;
        BenefitAmounts = benefitAmounts;
        RowLabel = rowLabel ?? (r => $"register row {r}");
    }

    /// <summary>Per row, the person code (negative: missing identifier).</summary>
    public ReadOnlySpan<int> PersonCodes { get; }

    /// <summary>Per person code, the participant index, or negative when the code is not a participant.</summary>
    public ReadOnlySpan<int> PersonOfCode { get; }

    /// <summary>Per row, the calendar month.</summary>
    public ReadOnlySpan<YearMonth> Months { get; }

    /// <summary>Per row, whether social assistance was received.</summary>
    public ReadOnlySpan<bool> OnBenefit { get; }

    /// <summary>Per row, contractual hours a week.</summary>
    public ReadOnlySpan<double> ContractHours { get; }

    /// <summary>Per row, gross earnings.</summary>
    public ReadOnlySpan<double> Earnings { get; }

    /// <summary>Per row, the benefit paid (euros); empty when not known.</summary>
    public ReadOnlySpan<double> BenefitAmounts { get; }

    /// <summary>Where row <c>r</c> came from, for error messages.</summary>
    public Func<int, string> RowLabel { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => PersonCodes.Length;
}
