namespace Research.Data;

/// <summary>The data package's resource name of each table in <see cref="ExtractTables"/>.</summary>
internal static class ExtractTableNames
{
    public const string Participants = "participants";
    public const string RegisterMonths = "register_months";
    public const string SurveyResponses = "survey_responses";

    /// <summary>Whether <paramref name="tables"/> asks for the resource named <paramref name="name"/>; other resources come only with <see cref="ExtractTables.All"/>.</summary>
    public static bool Includes(this ExtractTables tables, string name) => name switch
    {
        Participants => tables.HasFlag(ExtractTables.Participants),
        RegisterMonths => tables.HasFlag(ExtractTables.RegisterMonths),
        SurveyResponses => tables.HasFlag(ExtractTables.SurveyResponses),
        _ => tables == ExtractTables.All,
    };
}
