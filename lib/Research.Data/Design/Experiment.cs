namespace Research.Data.Design;

/// <summary>The design of one municipality's experiment.</summary>
public sealed record Experiment
{
    /// <summary>Municipality key as in the participants table, e.g. <c>utrecht</c>.</summary>
    public required string Municipality { get; init; }

    /// <summary>The municipality's Dutch name.</summary>
    public required string NameNl { get; init; }

    /// <summary>The experiment's title.</summary>
    public required string Title { get; init; }

    /// <summary>The research team.</summary>
    public string? ResearchTeam { get; init; }

    /// <summary>Recipients invited to take part (CPB 2022).</summary>
    public required int Invited { get; init; }

    /// <summary>Participants randomised (CPB 2022).</summary>
    public required int Participants { get; init; }

    /// <summary>First day of intake and randomisation.</summary>
    public required DateOnly IntakeStart { get; init; }

    /// <summary>Last day of intake and randomisation.</summary>
    public required DateOnly IntakeEnd { get; init; }

    /// <summary>Last day of the intervention period.</summary>
    public required DateOnly InterventionEnd { get; init; }

    /// <summary>The pre-registered horizon of the primary outcome, months after randomisation.</summary>
    public required int PrimaryHorizonMonths { get; init; }

    /// <summary>Stratification of the randomisation, as far as known.</summary>
    public string? StratifiedBy { get; init; }

    /// <summary>Caveats and assumptions.</summary>
    public string? Notes { get; init; }

    /// <summary>The arms, control first.</summary>
    public required IReadOnlyList<ExperimentArm> Arms { get; init; }

    /// <summary>The survey waves.</summary>
    public required IReadOnlyList<SurveyWave> SurveyWaves { get; init; }

    /// <summary>The control arm.</summary>
    public ExperimentArm Control => Arms.First(a => a.IsControl);

    /// <summary>The treatment arms.</summary>
    public IEnumerable<ExperimentArm> TreatmentArms => Arms.Where(a => !a.IsControl);

    /// <summary>The arm with code <paramref name="code"/>, or <see langword="null"/>.</summary>
    public ExperimentArm? Arm(string code) => Arms.FirstOrDefault(a => a.Code == code);
}
