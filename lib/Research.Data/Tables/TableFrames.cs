using Deedle;
using Microsoft.Data.Analysis;

namespace Research.Data.Tables;

/// <summary>Conversion of extract tables to data frames for notebook work: <see cref="DataFrame"/> and Deedle's <see cref="Frame{TRowKey, TColumnKey}"/>.</summary>
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

    /// <summary>
    /// Copies <paramref name="table"/> into a Deedle frame (F#'s data frame) keyed by row number (0-based) and column
    /// name, with the same value types as <see cref="ToDataFrame"/>: integers as <see cref="long"/>, numbers as
    /// <see cref="double"/>, dates and months as <see cref="DateTime"/>; a missing cell is a missing value in Deedle's sense.
    /// </summary>
    public static Frame<int, string> ToDeedleFrame(this Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var frame = new FrameBuilder.Columns<int, string>();
        foreach (var column in table.Columns)
        {
            frame.Add(column.Name, column switch
            {
                StringColumn s => (ISeries<int>)Texts(s.Length, i => s[i]),
                ValueColumn<long> l => Values(l.Length, i => l[i]),
                ValueColumn<double> d => Values(d.Length, i => d[i]),
                ValueColumn<bool> b => Values(b.Length, i => b[i]),
                ValueColumn<DateOnly> t => Values(t.Length, i => t[i]?.ToDateTime(TimeOnly.MinValue)),
                ValueColumn<YearMonth> m => Values(m.Length, i => m[i]?.FirstDay.ToDateTime(TimeOnly.MinValue)),
                _ => throw new NotSupportedException($"no Deedle column for {column.Field.Type}"),
            });
        }

        return frame.Frame;
    }

    // Deedle represents a missing value by leaving the key out of the series; the frame aligns the columns on the row keys.
    private static Series<int, string> Texts(int length, Func<int, string?> value)
    {
        var series = new SeriesBuilder<int, string>();
        for (var i = 0; i < length; i++)
        {
            if (value(i) is { } v)
            {
                series.Add(i, v);
            }
        }

        return series.Series;
    }

    private static Series<int, T> Values<T>(int length, Func<int, T?> value)
        where T : struct
    {
        var series = new SeriesBuilder<int, T>();
        for (var i = 0; i < length; i++)
        {
            if (value(i) is { } v)
            {
                series.Add(i, v);
            }
        }

        return series.Series;
    }
}
