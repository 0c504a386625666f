using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace Research.Notebooks.Sql;

/// <summary>
/// Turns a DuckDB result into a <see cref="DataFrame"/>: integers as <see cref="long"/>, floating and decimal numbers as
/// <see cref="double"/>, booleans, dates and timestamps as <see cref="DateTime"/>, everything else as invariant text.
/// Rows are bounded, so <c>SELECT * FROM register_months</c> fails with advice instead of exhausting memory.
/// </summary>
internal static class ResultFrames
{
    /// <summary>The most rows a result may have.</summary>
    public const int MaxRows = 1_000_000;

    /// <exception cref="InvalidOperationException">The result has more than <see cref="MaxRows"/> rows.</exception>
    public static DataFrame Read(DbDataReader reader, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => Create(reader.GetName(i), reader.GetFieldType(i))).ToList();
        var rows = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++rows > MaxRows)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"the result has more than {MaxRows:N0} rows; aggregate it in SQL or add a LIMIT"));
            }

            for (var i = 0; i < columns.Count; i++)
            {
                Append(columns[i], reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
        }

        return new DataFrame(columns);
    }

    private static DataFrameColumn Create(string name, Type type) => type switch
    {
        _ when type == typeof(bool) => new BooleanDataFrameColumn(name),
        _ when type == typeof(sbyte) || type == typeof(short) || type == typeof(int) || type == typeof(long)
            || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) => new Int64DataFrameColumn(name),
        _ when type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(ulong)
            || type == typeof(System.Numerics.BigInteger) => new DoubleDataFrameColumn(name),
        _ when type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) => new PrimitiveDataFrameColumn<DateTime>(name),
        _ => new StringDataFrameColumn(name),
    };

    private static void Append(DataFrameColumn column, object? value)
    {
        switch (column)
        {
            case BooleanDataFrameColumn b:
                b.Append(value is null ? null : Convert.ToBoolean(value, CultureInfo.InvariantCulture));
                break;
            case Int64DataFrameColumn l:
                l.Append(value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case DoubleDataFrameColumn d:
                d.Append(value switch
                {
                    null => null,
                    System.Numerics.BigInteger big => (double)big,
                    _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                });
                break;
            case PrimitiveDataFrameColumn<DateTime> t:
                t.Append(value switch
                {
                    null => null,
                    DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                    DateTimeOffset offset => offset.UtcDateTime,
                    _ => (DateTime)value,
                });
                break;
            case StringDataFrameColumn s:
                s.Append(value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException(column.GetType().Name);
        }
    }
}
