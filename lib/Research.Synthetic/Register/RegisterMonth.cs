using Research.Data.Tables;

namespace Research.Synthetic.Register;

/// <summary>One generated register month: a row of <c>register_months.csv</c> for one person.</summary>
/// <param name="Month">The calendar month.</param>
/// <param name="MonthsSinceRandomisation">Months after the randomisation month (negative before it).</param>
/// <param name="OnBenefit">Whether social assistance was received.</param>
/// <param name="BenefitAmount">The benefit paid, euros (0 when off benefit).</param>
/// <param name="ContractHours">Contractual hours a week.</param>
/// <param name="Earnings">Gross earnings, euros.</param>
/// <param name="SelfEmployed">Whether the work was self-employment.</param>
public readonly record struct RegisterMonth(YearMonth Month, int MonthsSinceRandomisation, bool OnBenefit, double BenefitAmount, double ContractHours, double Earnings, bool SelfEmployed)
{
    /// <summary>Whether the person worked more than 12 hours a week.</summary>
    public bool WorksMoreThan12Hours => ContractHours > 12;
}
