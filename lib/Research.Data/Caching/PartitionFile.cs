using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>
/// One table's rows of one municipality as a Parquet file of the extract cache. Each schema field is a column of its
/// natural Parquet type (a month is a date, its first day), so DuckDB and other Parquet readers query the cache as they
/// would any data set; <c>_row</c> holds each row's place in the source file, <c>_missing_NAME</c> which declared
/// missing token a missing cell was (e.g. the survey's "don't know" against "refused"), so nothing the typed table
/// knows is lost, and <c>_code_NAME</c> a text field's codes (see <see cref="CodePrefix"/>).
/// </summary>
internal static class PartitionFile
{
    /// <summary>The column holding each row's 0-based position in the source file.</summary>
    public const string RowColumn = "_row";

    /// <summary>The prefix of the columns holding a field's missing-token codes.</summary>
    public const string MissingPrefix = "_missing_";

    /// <summary>
    /// The prefix of the columns holding a text field's codes: per row an index into the row group's list of the
    /// field's values in order of first appearance (the column chunk's metadata <see cref="LevelsKey"/>), -1 where the
    /// cell is missing. This library reads the codes, not the text beside them: decoding a string per row was half of
    /// what reading the whole national register (24 million rows) cost.
    /// </summary>
    public const string CodePrefix = "_code_";

    /// <summary>The key, in a code column chunk's metadata, of its row group's values (a JSON array of strings).</summary>
    public const string LevelsKey = "levels";

    // Row groups bound what a reader holds at once (Parquet.Net materialises a column chunk per group).
    private const int RowGroupSize = 1 << 19;

    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    /// <summary>
    /// Writes the cells of <paramref name="rows"/> (ascending) of <paramref name="table"/> to <paramref name="path"/>, in
    /// row groups of <paramref name="rowGroupSize"/> rows (tests make them small to have many).
    /// </summary>
    public static void Write(Table table, int[] rows, string path, int rowGroupSize = RowGroupSize) =>
        WriteAsync(table, rows, path, rowGroupSize).GetAwaiter().GetResult();

    /// <summary>
    /// Reads partitions written by <see cref="Write"/>, one after another in the table's rows, into one table of
    /// <paramref name="rows"/> rows; the parts' bytes are fetched (and verified by the caller) first, at once.
    /// </summary>
    /// <exception cref="InvalidDataException">A file does not hold the columns the resource's schema asks for, or other rows.</exception>
    public static Table Read(TableResource resource, string sourceFile, int rows, IReadOnlyList<Func<byte[]>> parts) =>
        ReadAsync(resource, sourceFile, rows, parts).GetAwaiter().GetResult();

    private static async Task WriteAsync(Table table, int[] rows, string path, int rowGroupSize)
    {
        var fields = new List<DataField> { new DataField<int>(RowColumn) };
        foreach (var column in table.Columns)
        {
            fields.Add(ValueField(column.Field));
            if (column is StringColumn)
            {
                fields.Add(new DataField<int>(CodePrefix + column.Name));
            }

            if (column.HasMissing)
            {
                fields.Add(new DataField<byte>(MissingPrefix + column.Name));
            }
        }

        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, Options);
        for (var start = 0; start < rows.Length || start == 0; start += rowGroupSize)
        {
            var slice = rows.AsMemory(start, Math.Min(rowGroupSize, rows.Length - start));
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
                if (column is StringColumn strings)
                {
                    var (codes, levels) = strings.Renumbered(slice.Span);
                    await group.WriteAsync<int>(fields[f++], codes.AsMemory(), null, new Dictionary<string, string> { [LevelsKey] = CodedLevels.Write(levels) });
                }

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
        // Row groups are read side by side, each by a reader of its own over its partition's bytes: one municipality's
        // register is a dozen groups at national scale, and the whole extract (the synthesis) six partitions.
        var files = await Task.WhenAll(parts.Select(part => Task.Run(part)));
        var groups = new List<(int Part, int Group, int Start, int Count)>();
        var start = 0;
        for (var p = 0; p < files.Length; p++)
        {
            using var stream = new MemoryStream(files[p], writable: false);
            await using var reader = await ParquetReader.CreateAsync(stream, Options);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var count = (int)reader.OpenRowGroupReader(g).RowCount;
                if (count > rows - start)
                {
                    throw new InvalidDataException($"the cached {resource.Name} partitions hold more rows than their manifest records");
                }

                groups.Add((p, g, start, count));
                start += count;
            }
        }

        if (start != rows)
        {
            throw new InvalidDataException($"the cached {resource.Name} partitions hold fewer rows than their manifest records");
        }

        var positions = new int[rows];
        var builders = resource.Schema.Fields.Select(f => CachedColumn.For(f, resource.Schema.MissingValuesOf(f), rows)).ToList();
        await Parallel.ForEachAsync(groups, async (part, cancellationToken) =>
        {
            using var stream = new MemoryStream(files[part.Part], writable: false);
            await using var reader = await ParquetReader.CreateAsync(stream, Options, cancellationToken: cancellationToken);
            var byName = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            using var group = reader.OpenRowGroupReader(part.Group);
            await group.ReadAsync<int>(Field(byName, RowColumn), positions.AsMemory(part.Start, part.Count), cancellationToken: cancellationToken);
            foreach (var builder in builders)
            {
                var stored = builder is CachedStrings ? CodePrefix + builder.Field.Name : builder.Field.Name;
                await builder.ReadAsync(group, Field(byName, stored), part.Start, part.Count);
                if (byName.TryGetValue(MissingPrefix + builder.Field.Name, out var missing))
                {
                    await builder.ReadMissingAsync(group, missing, part.Start, part.Count);
                }
            }
        });

        return new Table(resource, sourceFile, rows, builders.Select(b => b.Build()).ToList(), positions);
    }

    private static DataField Field(Dictionary<string, DataField> byName, string name) =>
        byName.TryGetValue(name, out var field) ? field : throw new InvalidDataException($"the cached partition has no column {name}");
}
