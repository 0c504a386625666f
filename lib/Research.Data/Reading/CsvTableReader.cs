using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Reading;

/// <summary>
/// Reads a delimited UTF-8 file (with or without BOM) into a typed table. CsvHelper tokenises (quotes, delimiter,
/// line ends) over UTF-8 bytes; typing follows the schema. The delimiter is always the declared one, never sniffed,
/// and every problem goes to the sink with file, row, column and value.
/// </summary>
internal static class CsvTableReader
{
    // A file is cut for readers side by side only when each piece is at least this large: below it, starting readers
    // and merging their columns costs more than it saves (a municipal register at scale 1 is 6 MB, national 755 MB).
    private const long ChunkBytes = 32L << 20;

    public static Table Read(TableResource resource, string path, string displayName, IssueSink sink) =>
        Read(resource, path, displayName, sink, Environment.ProcessorCount, ChunkBytes);

    /// <summary>
    /// Reads the file, its data records in byte ranges of at least <paramref name="chunkBytes"/> by
    /// <paramref name="chunks"/> readers side by side where the file allows (<see cref="CsvChunks"/>). The table and the
    /// issues, their order and row numbers included, are those of reading it in one piece.
    /// </summary>
    internal static Table Read(TableResource resource, string path, string displayName, IssueSink sink, int chunks, long chunkBytes)
    {
        var schema = resource.Schema;
        var dialect = resource.Dialect;
        var options = Options(dialect, displayName, sink, hasHeader: true);
        string[] header;
        IReadOnlyList<(long Start, long Length)>? plan;
        using (var reader = CsvReader.FromFile(path, options))
        {
            try
            {
                header = reader.Headers.ToArray();
            }
            catch (Exception e) when (e is CsvFormatException or InvalidOperationException)
            {
                sink.Error(displayName, 1, null, null, Rules.Encoding, $"the header cannot be read: {e.Message}");
                return Empty(resource, path, displayName, sink);
            }

            if (header.Length == 0)
            {
                sink.Error(displayName, 1, null, null, Rules.MissingColumn, "the file is empty; a header row is required");
                return Empty(resource, path, displayName, sink);
            }

            plan = null;
            if (chunks > 1 && (int)dialect.QuoteChar < 128)
            {
                using var file = File.OpenHandle(path);
                plan = CsvChunks.Plan(file, (byte)dialect.QuoteChar, chunks, chunkBytes);
            }

            if (plan is null)
            {
                var positions = MapHeader(schema, header, dialect, displayName, sink);
                var builders = Builders(schema, displayName, sink, EstimateRows(path, new FileInfo(path).Length));
                var rows = ReadRecords(reader, builders, positions, header.Length, displayName, sink);
                return Finish(resource, path, rows, builders);
            }
        }

        return ReadChunks(resource, path, displayName, sink, header, plan);
    }

    // Each range is read by its own reader into its own builders, the first reporting to the file's sink and the others
    // to forks numbering their rows from 2; the forks are then appended in order, their rows moved past the records
    // before them, and the columns appended to the first range's, so the sink and the table end as a single reader
    // leaves them. Uniqueness is checked on the whole column afterwards, as the single reader does.
    private static Table ReadChunks(TableResource resource, string path, string displayName, IssueSink sink, string[] header,
        IReadOnlyList<(long Start, long Length)> plan)
    {
        var schema = resource.Schema;
        var positions = MapHeader(schema, header, resource.Dialect, displayName, sink);
        var sinks = plan.Select((_, k) => k == 0 ? sink : sink.Fork()).ToArray();
        var parts = new (List<ColumnBuilder> Builders, int Rows)[plan.Count];
        using var file = File.OpenHandle(path);
        // Ranges are handed out one at a time in order, largest first (see CsvChunks.Plan), so the small ones come last.
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, plan.Count), EnumerablePartitionerOptions.NoBuffering), k =>
        {
            var (start, length) = plan[k];
            // The first range's columns receive the others', so they are sized for the whole file at once.
            var builders = Builders(schema, displayName, sinks[k], EstimateRows(path, k == 0 ? new FileInfo(path).Length : length));
            using var reader = CsvReader.Create(new FileRangeStream(file, start, length), Options(resource.Dialect, displayName, sinks[k], hasHeader: false));
            parts[k] = (builders, ReadRecords(reader, builders, positions, header.Length, displayName, sinks[k]));
        });

        var (merged, rows) = parts[0];
        for (var k = 1; k < parts.Length; k++)
        {
            sink.Append(sinks[k], rowOffset: rows);
            rows += parts[k].Rows;
        }

        // Columns are independent, so they are appended side by side; a piece's column is let go once it is copied.
        var pieces = parts.Select(p => p.Builders.ToArray()).ToArray();
        Array.Clear(parts);
        Parallel.For(0, merged.Count, f =>
        {
            for (var k = 1; k < pieces.Length; k++)
            {
                merged[f].AppendAll(pieces[k][f]);
                pieces[k][f] = null!;
            }
        });

        return Finish(resource, path, rows, merged);
    }

    private static CsvReaderOptions Options(CsvDialect dialect, string displayName, IssueSink sink, bool hasHeader) => new()
    {
        Separator = dialect.Delimiter,
        Quote = dialect.QuoteChar,
        HasHeader = hasHeader,
        TrimWhitespace = false,
        SkipEmptyLines = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = bad => sink.Error(displayName, (int)bad.RecordNumber, null, Shorten(bad.RawRecord), Rules.Encoding,
            $"malformed quoting ({bad.Reason}); the record was read as recovered by RFC 4180 rules"),
    };

    private static List<ColumnBuilder> Builders(TableSchema schema, string displayName, IssueSink sink, int capacity) =>
        schema.Fields.Select(f => ColumnBuilder.For(f, schema.MissingValuesOf(f), displayName, sink, capacity)).ToList();

    // Reads the records left in `reader`, numbering them from file row 2 (the header is row 1); returns how many.
    private static int ReadRecords(CsvReader reader, List<ColumnBuilder> builderList, int[] positions, int width, string displayName, IssueSink sink)
    {
        var builders = builderList.ToArray();
        var chars = new char[256];
        var rows = 0;
        while (reader.Read())
        {
            var fileRow = rows + 2;
            var count = reader.FieldCount;
            if (count != width)
            {
                sink.Error(displayName, fileRow, null, null, Rules.FieldCount,
                    string.Create(CultureInfo.InvariantCulture, $"row has {count} fields but the header has {width}"));
            }

            for (var f = 0; f < builders.Length; f++)
            {
                var position = positions[f];
                if (position < 0 || position >= count)
                {
                    builders[f].AppendAbsent();
                    continue;
                }

                var bytes = reader.GetSpan(position);
                if (chars.Length < bytes.Length)
                {
                    chars = new char[bytes.Length * 2];
                }

                // Cells are short and nearly always ASCII, which is valid UTF-8 and widens byte for char: a loop here
                // costs less than the runtime's validation and transcoding calls, which are left for the other cells.
                var n = 0;
                while (n < bytes.Length && bytes[n] < 0x80)
                {
                    chars[n] = (char)bytes[n];
                    n++;
                }

                if (n < bytes.Length)
                {
                    if (!Utf8.IsValid(bytes))
                    {
                        sink.Error(displayName, fileRow, builders[f].Field.Name, null, Rules.Encoding, "the value is not valid UTF-8");
                        builders[f].AppendAbsent();
                        continue;
                    }

                    n = Encoding.UTF8.GetChars(bytes, chars);
                }

                builders[f].AppendText(chars.AsSpan(0, n), fileRow);
            }

            rows++;
        }

        return rows;
    }

    private static Table Finish(TableResource resource, string path, int rows, List<ColumnBuilder> builders)
    {
        foreach (var b in builders.Where(b => b.Field.Constraints.Unique))
        {
            b.CheckUnique(i => i + 2);
        }

        return new Table(resource, path, rows, builders.Select(b => b.Build()).ToList());
    }

    private static Table Empty(TableResource resource, string path, string displayName, IssueSink sink) =>
        new(resource, path, 0, resource.Schema.Fields.Select(f => ColumnBuilder.For(f, resource.Schema.MissingValuesOf(f), displayName, sink, 0).Build()).ToList());

    private static int[] MapHeader(TableSchema schema, string[] header, CsvDialect dialect, string file, IssueSink sink)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!indexOf.TryAdd(header[i], i))
            {
                sink.Error(file, 1, header[i], null, Rules.DuplicateColumn, "the column name appears more than once in the header");
            }
        }

        if (header.Length == 1 && schema.Fields.Count > 1)
        {
            foreach (var other in new[] { ';', ',', '\t', '|' }.Where(c => c != dialect.Delimiter && header[0].Contains(c)))
            {
                sink.Error(file, 1, null, Shorten(header[0]), Rules.Dialect,
                    $"the header has one column but contains '{Printable(other)}': the file looks '{Printable(other)}'-delimited while the dialect declares '{Printable(dialect.Delimiter)}'; declare \"dialect\": {{\"delimiter\": \"{Printable(other)}\"}} in the extract's datapackage.json");
                return schema.Fields.Select(_ => -1).ToArray();
            }
        }

        var positions = new int[schema.Fields.Count];
        for (var f = 0; f < schema.Fields.Count; f++)
        {
            var field = schema.Fields[f];
            if (indexOf.TryGetValue(field.Name, out var position))
            {
                positions[f] = position;
            }
            else
            {
                positions[f] = -1;
                sink.Error(file, 1, field.Name, null, Rules.MissingColumn, $"the schema's {field.Type.ToString().ToLowerInvariant()} field is not in the header");
            }
        }

        foreach (var name in header.Where(h => schema.Field(h) is null))
        {
            sink.Error(file, 1, name, null, Rules.ExtraColumn, "the header has a column the schema does not declare");
        }

        return positions;
    }

    private static int EstimateRows(string path, long bytes)
    {
        // Sizing the column arrays from the first 64 KiB saves repeated growth (and its doubled peak memory).
        using var stream = File.OpenRead(path);
        var sample = new byte[Math.Min(stream.Length, 1 << 16)];
        stream.ReadExactly(sample);
        var lines = Math.Max(1, sample.AsSpan().Count((byte)'\n'));
        var estimate = bytes * 1.02 * lines / Math.Max(1, sample.Length);
        return (int)Math.Min(int.MaxValue / 2, Math.Max(16, estimate));
    }

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 80 ? text : text[..77] + "...";
}
