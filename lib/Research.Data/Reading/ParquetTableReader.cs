using System.Globalization;
using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Reading;

/// <summary>
/// Reads an Apache Parquet file into a typed table, checking the same constraints as for CSV. Parquet's physical types
/// must fit the schema's field types (int32/int64 for integer, float/double for number, boolean, date for date; a month
/// is stored as <c>YYYY-MM</c> text because Parquet has no month type).
/// </summary>
internal static class ParquetTableReader
{
    public static Table Read(TableResource resource, string path, string displayName, IssueSink sink) =>
        ReadAsync(resource, path, displayName, sink).GetAwaiter().GetResult();

    private static async Task<Table> ReadAsync(TableResource resource, string path, string displayName, IssueSink sink)
    {
        var schema = resource.Schema;
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            sink.Error(displayName, null, null, null, Rules.Encoding, $"not a readable Parquet file: {e.Message}");
            return new Table(resource, path, 0, schema.Fields.Select(f => ColumnBuilder.For(f, schema.MissingValuesOf(f), displayName, sink, 0).Build()).ToList());
        }

        await using (reader)
        {
            var dataFields = reader.Schema.GetDataFields();
            var byName = dataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var extra in dataFields.Where(f => schema.Field(f.Name) is null))
            {
                sink.Error(displayName, null, extra.Name, null, Rules.ExtraColumn, "the file has a column the schema does not declare");
            }

            var total = 0L;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                total += reader.OpenRowGroupReader(g).RowCount;
            }

            var builders = schema.Fields.Select(f => ColumnBuilder.For(f, schema.MissingValuesOf(f), displayName, sink, (int)Math.Min(total, int.MaxValue / 2))).ToList();
            var sources = new DataField?[builders.Count];
            for (var f = 0; f < builders.Count; f++)
            {
                var field = schema.Fields[f];
                if (!byName.TryGetValue(field.Name, out var dataField))
                {
                    sink.Error(displayName, null, field.Name, null, Rules.MissingColumn, $"the schema's {Lower(field.Type)} field is not a column of the file");
                }
                else if (!Fits(field.Type, dataField.ClrType))
                {
                    var held = IsText(dataField.ClrType) ? "text" : dataField.ClrType.Name;
                    sink.Error(displayName, null, field.Name, held, Rules.Type,
                        $"the Parquet column holds {held} values, which cannot represent a {Lower(field.Type)} field");
                }
                else
                {
                    sources[f] = dataField;
                }
            }

            var rowBase = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                for (var f = 0; f < builders.Count; f++)
                {
                    if (sources[f] is { } source)
                    {
                        await AppendAsync(builders[f], group, source, rows, rowBase);
                    }
                    else
                    {
                        for (var i = 0; i < rows; i++)
                        {
                            builders[f].AppendAbsent();
                        }
                    }
                }

                rowBase += rows;
            }

            foreach (var b in builders.Where(b => b.Field.Constraints.Unique))
            {
                b.CheckUnique(i => i + 1);
            }

            return new Table(resource, path, rowBase, builders.Select(b => b.Build()).ToList());
        }
    }

    private static bool Fits(FieldType type, Type clr) => type switch
    {
        FieldType.String or FieldType.YearMonth => IsText(clr),
        FieldType.Integer => clr == typeof(long) || clr == typeof(int) || clr == typeof(short),
        FieldType.Number => clr == typeof(double) || clr == typeof(float) || clr == typeof(long) || clr == typeof(int),
        FieldType.Boolean => clr == typeof(bool),
        FieldType.Date => clr == typeof(DateOnly) || clr == typeof(DateTime),
        _ => false,
    };

    private static async Task AppendAsync(ColumnBuilder builder, ParquetRowGroupReader group, DataField field, int rows, int rowBase)
    {
        if (IsText(field.ClrType))
        {
            var values = new string?[rows];
            await group.ReadAsync(field, values.AsMemory()!);
            for (var i = 0; i < rows; i++)
            {
                if (values[i] is { } s)
                {
                    builder.AppendText(s, rowBase + i + 1);
                }
                else
                {
                    builder.AppendNull(rowBase + i + 1);
                }
            }

            return;
        }

        switch (builder)
        {
            case ValueColumnBuilder<long> integers when field.ClrType == typeof(long):
                Append(integers, await ReadAsync<long>(group, field, rows), rowBase, v => v);
                break;
            case ValueColumnBuilder<long> integers when field.ClrType == typeof(int):
                Append(integers, await ReadAsync<int>(group, field, rows), rowBase, v => (long)v);
                break;
            case ValueColumnBuilder<long> integers:
                Append(integers, await ReadAsync<short>(group, field, rows), rowBase, v => (long)v);
                break;
            case ValueColumnBuilder<double> numbers when field.ClrType == typeof(double):
                Append(numbers, await ReadAsync<double>(group, field, rows), rowBase, v => v);
                break;
            case ValueColumnBuilder<double> numbers when field.ClrType == typeof(float):
                Append(numbers, await ReadAsync<float>(group, field, rows), rowBase, v => (double)v);
                break;
            case ValueColumnBuilder<double> numbers when field.ClrType == typeof(long):
                Append(numbers, await ReadAsync<long>(group, field, rows), rowBase, v => (double)v);
                break;
            case ValueColumnBuilder<double> numbers:
                Append(numbers, await ReadAsync<int>(group, field, rows), rowBase, v => (double)v);
                break;
            case ValueColumnBuilder<bool> booleans:
                Append(booleans, await ReadAsync<bool>(group, field, rows), rowBase, v => v);
                break;
            case ValueColumnBuilder<DateOnly> dates when field.ClrType == typeof(DateOnly):
                Append(dates, await ReadAsync<DateOnly>(group, field, rows), rowBase, v => v);
                break;
            case ValueColumnBuilder<DateOnly> dates:
                Append(dates, await ReadAsync<DateTime>(group, field, rows), rowBase, DateOnly.FromDateTime);
                break;
            default:
                throw new InvalidOperationException($"no Parquet conversion from {field.ClrType.Name} to {builder.Field.Type}");
        }
    }

    private static async Task<TSource?[]> ReadAsync<TSource>(ParquetRowGroupReader group, DataField field, int rows)
        where TSource : struct
    {
        var values = new TSource?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync<TSource>(field, values.AsMemory());
            return values;
        }

        var raw = new TSource[rows];
        await group.ReadAsync<TSource>(field, raw.AsMemory());
        for (var i = 0; i < rows; i++)
        {
            values[i] = raw[i];
        }

        return values;
    }

    private static void Append<TSource, T>(ValueColumnBuilder<T> builder, TSource?[] values, int rowBase, Func<TSource, T> convert)
        where TSource : struct
        where T : struct, IComparable<T>
    {
        for (var i = 0; i < values.Length; i++)
        {
            var fileRow = rowBase + i + 1;
            if (values[i] is not { } v)
            {
                builder.AppendNull(fileRow);
                continue;
            }

            var value = convert(v);
            if (value is double d && !double.IsFinite(d))
            {
                builder.AppendText(d.ToString(CultureInfo.InvariantCulture), fileRow);
                continue;
            }

            builder.AppendValue(value, fileRow, string.Empty);
        }
    }

    // Parquet.Net 6 reports UTF-8 byte-array columns as ReadOnlyMemory<char>; older writers' files as string.
    private static bool IsText(Type clr) => clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>);

    private static string Lower(FieldType type) => type.ToString().ToLowerInvariant();
}
