using System.Globalization;
using Research.Data.Tables;
using Research.Scales.Responses;

namespace Research.Analysis.Surveys;

/// <summary>Turns the <c>survey_responses</c> table into the item responses the scoring layer reads.</summary>
public static class SurveyItems
{
    /// <summary>
    /// The item columns of <paramref name="survey"/> for the given 0-based <paramref name="rows"/> (all rows when null):
    /// answers as recorded (out-of-range ones included, for scoring to report) and, for missing cells, the declared
    /// missing code that was matched. Rows are labelled <c>person wN</c> for problem reports.
    /// </summary>
    public static ItemResponseTable ToItemResponses(Table survey, IReadOnlyList<int>? rows = null)
    {
        var selected = rows ?? Enumerable.Range(0, survey.RowCount).ToList();
        var table = new ItemResponseTable(selected.Count, new SurveyRowLabels(survey.Strings("person_id"), survey.Integers("wave"), [.. selected]));
        foreach (var column in survey.Columns.OfType<ValueColumn<long>>().Where(c => c.Name != "wave"))
        {
            var values = new int?[selected.Count];
            var codes = new int?[selected.Count];
            for (var i = 0; i < selected.Count; i++)
            {
                var row = selected[i];
                if (column[row] is { } value)
                {
                    values[i] = checked((int)value);
                }
                else if (column.MissingToken(row) is { Length: > 0 } token && int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                {
                    codes[i] = code;
                }
            }

            table.Add(column.Name, values, codes);
        }

        return table;
    }
}
