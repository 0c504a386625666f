namespace Research.Data.Truth;

/// <summary>The effect planted for one arm on one outcome at one horizon.</summary>
/// <param name="Outcome">Outcome name: <c>partial_full_outflow</c>, <c>full_outflow</c> or <c>benefit_independence</c>.</param>
/// <param name="HorizonMonths">Months after randomisation.</param>
/// <param name="ControlMean">Expected share in the outcome under control.</param>
/// <param name="Itt">Expected intent-to-treat effect (difference in shares).</param>
/// <param name="TakeUp">Expected take-up share in the arm.</param>
/// <param name="Att">Expected effect on those who take up (ITT / take-up).</param>
public sealed record PlantedEffect(string Outcome, int HorizonMonths, double ControlMean, double Itt, double TakeUp, double Att);
