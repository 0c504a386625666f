using Microsoft.Data.Analysis;

namespace Research.Data.Tables;

/// <summary>Conversion of extract tables to <see cref="DataFrame"/>s for notebook work.</summary>
public static class TableFrames
{
    /// <summary>
    /// Copies <paramref name="table"/> into a <see cref="DataFrame"/>: integers as <see cref="long"/>, numbers as
    /// <see cref="double"/>, dates as <see cref="DateTime"/> at midnight, months as their first day; missing cells are nulls.
    /// </summary>
    public static DataFrame ToDataFrame(this Table table)
    {
        var columns = new List<DataFrameColumn>();
        foreach (var column in table.Columns)
        {
            columns.Add(column switch
            {
                StringColumn s => new StringDataFrameColumn(s.Name, Enumerable.Range(0, s.Length).Select(i => s[i])),
                ValueColumn<long> l => new Int64DataFrameColumn(l.Name, Enumerable.Range(0, l.Length).Select(i => l[i])),
                ValueColumn<double> d => new DoubleDataFrameColumn(d.Name, Enumerable.Range(0, d.Length).Select(i => d[i])),
                ValueColumn<bool> b => new BooleanDataFrameColumn(b.Name, Enumerable.Range(0, b.Length).Select(i => b[i])),
                ValueColumn<DateOnly> t => new PrimitiveDataFrameColumn<DateTime>(t.Name, Enumerable.Range(0, t.Length).Select(i => t[i]?.ToDateTime(TimeOnly.MinValue))),
                ValueColumn<YearMonth> m => new PrimitiveDataFrameColumn<DateTime>(m.Name, Enumerable.Range(0, m.Length).Select(i => m[i]?.FirstDay.ToDateTime(TimeOnly.MinValue))),
                _ => throw new NotSupportedException($"no DataFrame column for {column.Field.Type}"),
            });
        }

        return new DataFrame(columns);
    }
}
