namespace Research.Synthetic.Survey;

/// <summary>One generated interview: wave, date and the raw answer code of every planned item.</summary>
internal sealed record SurveyRow(int Wave, DateOnly InterviewDate, int[] Answers);
