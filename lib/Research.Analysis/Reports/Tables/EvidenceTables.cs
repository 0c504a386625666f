using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Analysis.Reports.Tables;

/// <summary>The table of <see cref="EvidenceRating"/>: <c>evidence</c>.</summary>
public static class EvidenceTables
{
    /// <summary>Table <c>evidence</c>: keys <c>sms|register</c> and <c>sms|survey</c>, value <c>level</c>.</summary>
    public static TableDefinition<(string Key, string Evidence, int Level)> Evidence { get; } =
        new TableBuilder<(string Key, string Evidence, int Level)>("evidence", "Maryland Scientific Methods Scale level of the evidence", r => r.Key)
            .Label("evidence", "Evidence", r => r.Evidence)
            .Number("level", ColumnKind.Rating, "SMS level", r => r.Level)
            .Build();

    /// <summary>The section's draft tables.</summary>
    public static IReadOnlyList<DraftTable> Of(EvidenceRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return [Evidence.Draft([("sms|register", "register outcomes", rating.RegisterLevel), ("sms|survey", "survey outcomes", rating.SurveyLevel)], rating.Reasons())];
    }
}
