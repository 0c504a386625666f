using Research.Data.Design;
using Research.Data.Tables;

namespace Research.Synthetic.Population;

/// <summary>One generated participant with the latent quantities the outcome and survey models need.</summary>
internal sealed record SyntheticPerson
{
    public required int GlobalIndex { get; init; }

    public required string Id { get; init; }

    public required Experiment Experiment { get; init; }

    public required ExperimentArm Arm { get; init; }

    public required string Stratum { get; init; }

    public required DateOnly RandomisationDate { get; init; }

    public YearMonth RandomisationMonth => YearMonth.Of(RandomisationDate);

    /// <summary>Months from randomisation to the end of the intervention period.</summary>
    public int InterventionEndMonth => YearMonth.Of(Experiment.InterventionEnd).MonthsSince(RandomisationMonth);

    public required double Employability { get; init; }

    public required double TakeUpProbability { get; init; }

    public required bool TookUp { get; init; }

    public required string? ChosenIntervention { get; init; }

    public required string CaseworkerId { get; init; }

    public required double CaseworkerEffect { get; init; }

    public required int BirthYear { get; init; }

    public required string Sex { get; init; }

    public required string MigrationBackground { get; init; }

    public required string? EducationLevel { get; init; }

    public required string HouseholdType { get; init; }

    public required int BenefitMonthsBaseline { get; init; }

    public required double EarningsPrevYear { get; init; }

    public required double HourlyWage { get; init; }

    public required bool SelfEmployedType { get; init; }

    /// <summary>Whether the arm's earnings disregard applies to this person (assigned, took up).</summary>
    public bool GetsDisregard => TookUp && (Arm.Interventions.Contains(InterventionType.EarningsDisregard) || ChosenIntervention == "earnings_disregard");
}
