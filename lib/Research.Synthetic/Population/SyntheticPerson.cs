using Research.Data.Design;
using Research.Data.Tables;
using Research.Synthetic.Calibration;

namespace Research.Synthetic.Population;

/// <summary>
/// One generated participant: the fields of <c>participants.csv</c>, typed, for simulation studies that work in memory
/// (<see cref="SyntheticSite"/>). The latent quantities behind the outcomes (employability, caseworker effect, wage)
/// stay inside the generator, as they would in real data.
/// </summary>
public sealed record SyntheticPerson
{
    /// <summary>The pseudonymous nine-digit identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The experiment.</summary>
    public required Experiment Experiment { get; init; }

    /// <summary>The assigned arm.</summary>
    public required ExperimentArm Arm { get; init; }

    /// <summary>The randomisation stratum.</summary>
    public required string Stratum { get; init; }

    /// <summary>The date of random assignment.</summary>
    public required DateOnly RandomisationDate { get; init; }

    /// <summary>The calendar month of random assignment (relative month 0).</summary>
    public YearMonth RandomisationMonth => YearMonth.Of(RandomisationDate);

    /// <summary>Whether the person took up the assigned intervention (never in control).</summary>
    public required bool TookUp { get; init; }

    /// <summary>The component chosen in a self-chosen arm (Groningen's individueel maatwerk), else null.</summary>
    public required string? ChosenIntervention { get; init; }

    /// <summary>The caseworker.</summary>
    public required string CaseworkerId { get; init; }

    /// <summary>Year of birth.</summary>
    public required int BirthYear { get; init; }

    /// <summary><c>male</c> or <c>female</c>.</summary>
    public required string Sex { get; init; }

    /// <summary><c>dutch</c>, <c>western</c> or <c>non_western</c>.</summary>
    public required string MigrationBackground { get; init; }

    /// <summary><c>low</c>, <c>middle</c>, <c>high</c>, or null when not recorded.</summary>
    public required string? EducationLevel { get; init; }

    /// <summary>Household position.</summary>
    public required string HouseholdType { get; init; }

    /// <summary>Months on benefit before randomisation.</summary>
    public required int BenefitMonthsBaseline { get; init; }

    /// <summary>Gross earnings in the year before randomisation, euros.</summary>
    public required double EarningsPrevYear { get; init; }

    /// <summary>Position among all generated persons (keys the person's random streams).</summary>
    internal int GlobalIndex { get; init; }

    /// <summary>Months from randomisation to the end of the intervention period.</summary>
    internal int InterventionEndMonth => YearMonth.Of(Experiment.InterventionEnd).MonthsSince(RandomisationMonth);

    /// <summary>
    /// Months from randomisation to the end of the experiment as measured: the later of the intervention's end and the
    /// primary horizon. Planted effects hold their end-of-experiment value until then.
    /// </summary>
    internal int EffectEndMonth => Math.Max(InterventionEndMonth, Experiment.PrimaryHorizonMonths);

    internal double Employability { get; init; }

    internal double CaseworkerEffect { get; init; }

    internal double HourlyWage { get; init; }

    internal bool SelfEmployedType { get; init; }

    /// <summary>The effect on the register outcomes when the person takes up: the arm's ITT over the site's expected take-up.</summary>
    internal ArmEffect TakerEffect { get; init; } = ArmEffect.None;

    /// <summary>Whether the arm's earnings disregard applies to this person (assigned, took up).</summary>
    internal bool GetsDisregard => TookUp && (Arm.Interventions.Contains(InterventionType.EarningsDisregard) || ChosenIntervention == "earnings_disregard");
}
