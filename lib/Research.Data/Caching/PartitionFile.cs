using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>
/// One table's rows of one municipality as a Parquet file of the extract cache. Each schema field is a column of its
/// natural Parquet type (a month is a date, its first day), so DuckDB and other Parquet readers query the cache as they
/// would any data set; <c>_row</c> holds each row's place in the source file, and <c>_missing_NAME</c> which declared
/// missing token a missing cell was (e.g. the survey's "don't know" against "refused"), so nothing the typed table
/// knows is lost.
/// </summary>
internal static class PartitionFile
{
    /// <summary>The column holding each row's 0-based position in the source file.</summary>
    public const string RowColumn = "_row";

    /// <summary>The prefix of the columns holding a field's missing-token codes.</summary>
    public const string MissingPrefix = "_missing_";

    // Row groups bound what a reader holds at once (Parquet.Net materialises a column chunk per group).
    private const int RowGroupSize = 1 << 19;

    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    /// <summary>Writes the cells of <paramref name="rows"/> (ascending) of <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Write(Table table, int[] rows, string path) => WriteAsync(table, rows, path).GetAwaiter().GetResult();

    /// <summary>
    /// Reads partitions written by <see cref="Write"/>, one after another, into one table of <paramref name="rows"/> rows;
    /// each part's bytes are fetched (and verified by the caller) only when it is read.
    /// </summary>
    /// <exception cref="InvalidDataException">A file does not hold the columns the resource's schema asks for, or other rows.</exception>
    public static Table Read(TableResource resource, string sourceFile, int rows, IReadOnlyList<Func<byte[]>> parts) =>
        ReadAsync(resource, sourceFile, rows, parts).GetAwaiter().GetResult();

    private static async Task WriteAsync(Table table, int[] rows, string path)
    {
        var fields = new List<DataField> { new DataField<int>(RowColumn) };
        foreach (var column in table.Columns)
        {
            fields.Add(ValueField(column.Field));
            if (column.HasMissing)
            {
                fields.Add(new DataField<byte>(MissingPrefix + column.Name));
            }
        }

        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, Options);
        for (var start = 0; start < rows.Length || start == 0; start += RowGroupSize)
        {
            var slice = rows.AsMemory(start, Math.Min(RowGroupSize, rows.Length - start));
            using var group = writer.CreateRowGroup();
            var positions = new int[slice.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = table.FilePosition(slice.Span[i]);
            }

            var f = 0;
            await group.WriteAsync<int>(fields[f++], positions.AsMemory());
            foreach (var column in table.Columns)
            {
                await WriteValuesAsync(group, fields[f++], column, slice);
                if (column.HasMissing)
                {
                    var codes = column.RawMissingCodes;
                    var taken = new byte[slice.Length];
                    for (var i = 0; i < taken.Length; i++)
                    {
                        taken[i] = codes[slice.Span[i]];
                    }

                    await group.WriteAsync<byte>(fields[f++], taken.AsMemory());
                }
            }

            if (rows.Length == 0)
            {
                break;
            }
        }
    }

    private static DataField ValueField(TableField field) => field.Type switch
    {
        FieldType.String => new DataField<string>(field.Name),
        FieldType.Integer => new DataField<long?>(field.Name),
        FieldType.Number => new DataField<double?>(field.Name),
        FieldType.Boolean => new DataField<bool?>(field.Name),
        FieldType.Date or FieldType.YearMonth => new DataField<DateOnly?>(field.Name),
        _ => throw new NotSupportedException(field.Type.ToString()),
    };

    private static async Task WriteValuesAsync(ParquetRowGroupWriter group, DataField field, Column column, ReadOnlyMemory<int> rows)
    {
        switch (column)
        {
            case StringColumn s:
                await group.WriteAsync(field, Gather(rows.Span, r => s[r]));
                break;
            case ValueColumn<long> l:
                await group.WriteAsync<long>(field, Gather(rows.Span, r => l[r]).AsMemory());
                break;
            case ValueColumn<double> d:
                await group.WriteAsync<double>(field, Gather(rows.Span, r => d[r]).AsMemory());
                break;
            case ValueColumn<bool> b:
                await group.WriteAsync<bool>(field, Gather(rows.Span, r => b[r]).AsMemory());
                break;
            case ValueColumn<DateOnly> t:
                await group.WriteAsync<DateOnly>(field, Gather(rows.Span, r => t[r]).AsMemory());
                break;
            case ValueColumn<YearMonth> m:
                await group.WriteAsync<DateOnly>(field, Gather(rows.Span, r => m[r]?.FirstDay).AsMemory());
                break;
            default:
                throw new NotSupportedException(column.Field.Type.ToString());
        }
    }

    private static T[] Gather<T>(ReadOnlySpan<int> rows, Func<int, T> cell)
    {
        var values = new T[rows.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = cell(rows[i]);
        }

        return values;
    }

    private static async Task<Table> ReadAsync(TableResource resource, string sourceFile, int rows, IReadOnlyList<Func<byte[]>> parts)
    {
        var positions = new int[rows];
        var builders = resource.Schema.Fields.Select(f => CachedColumn.For(f, resource.Schema.MissingValuesOf(f), rows)).ToList();
        var start = 0;
        foreach (var part in parts)
        {
            using var stream = new MemoryStream(part(), writable: false);
            await using var reader = await ParquetReader.CreateAsync(stream, Options);
            var byName = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                if (count > rows - start)
                {
                    throw new InvalidDataException($"the cached {resource.Name} partitions hold more rows than their manifest records");
                }

                await group.ReadAsync<int>(Field(byName, RowColumn), positions.AsMemory(start, count));
                foreach (var builder in builders)
                {
                    await builder.ReadAsync(group, Field(byName, builder.Field.Name), start, count);
                    if (byName.TryGetValue(MissingPrefix + builder.Field.Name, out var missing))
                    {
                        await builder.ReadMissingAsync(group, missing, start, count);
                    }
                }

                start += count;
            }
        }

        return start == rows
            ? new Table(resource, sourceFile, rows, builders.Select(b => b.Build()).ToList(), positions)
            : throw new InvalidDataException($"the cached {resource.Name} partitions hold fewer rows than their manifest records");
    }

    private static DataField Field(Dictionary<string, DataField> byName, string name) =>
        byName.TryGetValue(name, out var field) ? field : throw new InvalidDataException($"the cached partition has no column {name}");
}
