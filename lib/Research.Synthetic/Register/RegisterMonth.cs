using Research.Data.Tables;

namespace Research.Synthetic.Register;

/// <summary>One generated register row.</summary>
internal readonly record struct RegisterMonth(YearMonth Month, int MonthsSinceRandomisation, bool OnBenefit, double BenefitAmount, double ContractHours, double Earnings, bool SelfEmployed)
{
    public bool WorksMoreThan12Hours => ContractHours > 12;
}
