namespace Research.Scales.Longitudinal;

/// <summary>
/// Complete cases for an ANCOVA-style model of the follow-up score on treatment, controlling for the baseline score
/// (outcome ~ treatment + baseline). Respondents without both scores are listed in <see cref="Excluded"/> with the
/// reason; no imputation is done.
/// </summary>
/// <param name="BaselineWave">The baseline wave.</param>
/// <param name="FollowUpWave">The follow-up wave.</param>
/// <param name="Respondents">Respondent ids of the analysed rows (join treatment on these).</param>
/// <param name="Outcome">Follow-up score per analysed respondent.</param>
/// <param name="Baseline">Baseline score per analysed respondent.</param>
/// <param name="BaselineMean">Mean baseline over the analysed respondents.</param>
/// <param name="CentredBaseline">Baseline − <paramref name="BaselineMean"/>, so the intercept is at the mean baseline.</param>
/// <param name="Excluded">Respondents left out and why.</param>
public sealed record AncovaInputs(
    int BaselineWave,
    int FollowUpWave,
    IReadOnlyList<string> Respondents,
    IReadOnlyList<double> Outcome,
    IReadOnlyList<double> Baseline,
    double BaselineMean,
    IReadOnlyList<double> CentredBaseline,
    IReadOnlyList<ScoreChange> Excluded);
