namespace Research.Synthetic.Survey;

/// <summary>One generated interview: a row of <c>survey_responses.csv</c> without the person.</summary>
/// <param name="Wave">The wave number.</param>
/// <param name="InterviewDate">The interview date.</param>
/// <param name="Answers">The raw answer code of every survey column, in <see cref="SyntheticSite.SurveyColumns"/> order (missing codes and out-of-range recording errors included).</param>
public sealed record SurveyRow(int Wave, DateOnly InterviewDate, IReadOnlyList<int> Answers);
