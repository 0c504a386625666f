using Research.Data.Tables;

namespace Research.Data.Tests.Tables;

public class TableFramesTests
{
    [Fact]
    public void A_Deedle_frame_holds_the_same_values_as_the_data_frame_with_missing_cells_missing()
    {
        var extract = Extract.Load(TestExtract.ValidDirectory);
        foreach (var table in new[] { extract.Participants!, extract.SurveyResponses! })
        {
            var frame = table.ToDataFrame();
            var deedle = table.ToDeedleFrame();

            Assert.Equal(table.RowCount, deedle.RowCount);
            Assert.Equal(frame.Columns.Select(c => c.Name), deedle.ColumnKeys);
            Assert.Equal(Enumerable.Range(0, table.RowCount), deedle.RowKeys);
            var missing = 0;
            foreach (var column in frame.Columns)
            {
                var values = deedle.GetColumn<object>(column.Name);
                for (var row = 0; row < table.RowCount; row++)
                {
                    var expected = column[row];
                    var actual = values.TryGet(row);
                    Assert.Equal(expected is not null, actual.HasValue);
                    if (expected is null)
                    {
                        missing++;
                    }
                    else
                    {
                        Assert.Equal(expected, actual.Value);
                    }
                }
            }

            Assert.True(table != extract.SurveyResponses || missing > 0, "the survey has missing items, so the comparison covers missing cells");
        }
    }
}
