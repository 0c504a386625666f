using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>How many of those randomised to an arm answered a survey wave.</summary>
/// <param name="Wave">The survey wave.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Randomised">Persons randomised to the arm.</param>
/// <param name="Responded">Of them, those who answered the wave.</param>
public sealed record WaveResponse(int Wave, ExperimentArm Arm, int Randomised, int Responded)
{
    /// <summary>The share who answered; null for an empty arm.</summary>
    public double? Share => Randomised > 0 ? Responded / (double)Randomised : null;

    /// <summary>Those who did not answer.</summary>
    public int Nonresponse => Randomised - Responded;
}
