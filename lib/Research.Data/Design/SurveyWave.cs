namespace Research.Data.Design;

/// <summary>A survey wave and when it was planned relative to randomisation.</summary>
/// <param name="Wave">Wave number, 1 = baseline.</param>
/// <param name="MonthsAfterRandomisation">Planned interview month relative to the randomisation month.</param>
public sealed record SurveyWave(int Wave, int MonthsAfterRandomisation);
