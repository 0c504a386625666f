namespace Research.Synthetic;

/// <summary>What a generation run wrote.</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="Participants">Participant rows.</param>
/// <param name="RegisterMonths">Register rows.</param>
/// <param name="SurveyResponses">Survey rows.</param>
/// <param name="Files">The files written, relative to <paramref name="Directory"/>.</param>
public sealed record SyntheticSummary(string Directory, int Participants, long RegisterMonths, long SurveyResponses, IReadOnlyList<string> Files);
