namespace Research.Scales.Responses;

/// <summary>
/// Item answers of a set of respondents (rows), by survey column. This is all that scoring needs; an adapter over
/// the project's survey extracts implements it (Research.Scales does not depend on Research.Data).
/// </summary>
public interface IItemResponses
{
    /// <summary>Number of rows (respondent × wave records).</summary>
    int RowCount { get; }

    /// <summary>Optional label per row used in problem reports (e.g. "R000123 wave 2"); null to report row indices.</summary>
    IReadOnlyList<string>? RowLabels { get; }

    /// <summary>Looks up a column; false when the data do not contain it.</summary>
    bool TryGetColumn(string column, out ItemColumn? items);
}
