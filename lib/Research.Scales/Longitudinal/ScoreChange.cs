namespace Research.Scales.Longitudinal;

/// <summary>One respondent's score at baseline and follow-up.</summary>
/// <param name="Respondent">Respondent id.</param>
/// <param name="Baseline">Score at the baseline wave, or null.</param>
/// <param name="FollowUp">Score at the follow-up wave, or null.</param>
/// <param name="Change">Follow-up − baseline; null unless both are present.</param>
/// <param name="MissingReason">Why <paramref name="Change"/> is null, else null.</param>
public sealed record ScoreChange(string Respondent, double? Baseline, double? FollowUp, double? Change, string? MissingReason);
