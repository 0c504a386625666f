using System.Globalization;
using Research.Data;
using Research.Data.Validation;
using Research.Scales.Instruments;

namespace Research.Analysis.Surveys;

/// <summary>
/// Validation rule that needs the instruments: survey answers outside an item's response range. They are warnings, not
/// errors (a recording error in one answer does not invalidate an extract), and scoring treats them as missing.
/// </summary>
public static class ResponseRangeCheck
{
    /// <summary>Reports every out-of-range answer of <paramref name="extract"/>'s survey to <paramref name="sink"/>.</summary>
    public static void Run(Extract extract, IssueSink sink, InstrumentCatalog instruments)
    {
        if (extract.SurveyResponses is not { } survey)
        {
            return;
        }

        // Two instruments may share a column (RAND-36 item 1 is also the self-rated health item): check it once.
        var items = instruments.Instruments
            .SelectMany(instrument => instrument.Items.Select(item => (instrument, item)))
            .DistinctBy(x => x.item.Column);
        foreach (var (instrument, item) in items)
        {
            {
                if (survey.Columns.All(c => c.Name != item.Column))
                {
                    continue;
                }

                var column = survey.Integers(item.Column);
                for (var row = 0; row < survey.RowCount; row++)
                {
                    if (column[row] is { } value && !item.IsInRange(checked((int)value)) && !instrument.MissingCodes.ContainsKey((int)value))
                    {
                        sink.Warning(survey.Resource.Path, survey.FileRowNumber(row), item.Column, value.ToString(CultureInfo.InvariantCulture), Rules.ResponseRange,
                            string.Create(CultureInfo.InvariantCulture, $"outside the response range {item.Minimum}-{item.Maximum} of {instrument.Id}; scoring treats it as missing"));
                    }
                }
            }
        }
    }
}
