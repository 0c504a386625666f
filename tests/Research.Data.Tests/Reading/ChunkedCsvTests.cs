using Research.Data.Reading;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Tests.Reading;

/// <summary>
/// Large delimited files are read in byte ranges side by side: the table and the issues (their order, rows and values)
/// must be those of one reader, and a file whose line feeds may not end records is never cut.
/// </summary>
public sealed class ChunkedCsvTests
{
    [Theory]
    [InlineData("participants.csv")]
    [InlineData("register_months.csv")]
    [InlineData("survey_responses.csv")]
    public void A_file_read_in_many_ranges_gives_the_table_and_the_issues_of_one_reader(string file)
    {
        var dir = TestExtract.Copy();
        TestExtract.EditLines(dir, file, Break);
        var resource = DataPackage.ForDirectory(dir).Resources.Single(r => r.Path == file);

        var (one, oneReport) = Read(resource, dir, chunks: 1);
        var (many, manyReport) = Read(resource, dir, chunks: 13);

        Assert.True(oneReport.ErrorCount >= 10, oneReport.Format(20));
        Assert.Equal(oneReport.Issues, manyReport.Issues);
        Assert.Equal(oneReport.Counts, manyReport.Counts);
        Assert.Equal((oneReport.ErrorCount, oneReport.WarningCount), (manyReport.ErrorCount, manyReport.WarningCount));
        TableAssert.Same(one, many);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void Columns_hold_exactly_the_rows_read_though_their_arrays_were_sized_by_an_estimate(int chunks)
    {
        // The readers size each column for the whole file from its first bytes and hand the array over untrimmed: the
        // column must still end at the last row read, for spans, cells and the rows taken from it.
        var dir = TestExtract.Copy();
        var resource = DataPackage.ForDirectory(dir).Resources.Single(r => r.Path == "register_months.csv");

        var (table, _) = Read(resource, dir, chunks);

        Assert.True(table.RowCount > 100);
        Assert.All(table.Columns, column => Assert.Equal(table.RowCount, column.Length));
        var amount = Assert.IsType<ValueColumn<double>>(table.Columns.First(c => c is ValueColumn<double>));
        var person = Assert.IsType<StringColumn>(table.Columns.First(c => c is StringColumn));
        Assert.Equal(table.RowCount, amount.Values.Length);
        Assert.Equal(table.RowCount, person.Codes.Length);
        Assert.Throws<IndexOutOfRangeException>(() => amount[table.RowCount]);
        Assert.Throws<IndexOutOfRangeException>(() => person[table.RowCount]);
        Assert.Throws<IndexOutOfRangeException>(() => amount.Take([table.RowCount]));
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,4\n5,6\n7,8\n")]
    [InlineData("\uFEFFa,b\r\n1,2\r\n3,4\r\n5,6\r\n7,8")]
    public void Cuts_fall_at_line_starts_and_cover_the_records(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var ranges = Plan(bytes);

        Assert.NotNull(ranges);
        Assert.True(ranges.Count >= 2);
        Assert.Equal(Array.IndexOf(bytes, (byte)'\n') + 1, ranges[0].Start);
        Assert.Equal(bytes.Length, ranges[^1].Start + ranges[^1].Length);
        Assert.All(ranges, r => Assert.Equal((byte)'\n', bytes[r.Start - 1]));
        Assert.All(ranges.Skip(1), (r, i) => Assert.Equal(ranges[i].Start + ranges[i].Length, r.Start));
    }

    [Fact]
    public void Ranges_shrink_from_a_readers_share_so_the_last_ones_even_out_the_readers()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},{i * 7}\n"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var path = Path.Combine(Directory.CreateTempSubdirectory("research-chunks-").FullName, "t.csv");
        File.WriteAllBytes(path, bytes);
        using var file = File.OpenHandle(path);

        var ranges = CsvChunks.Plan(file, (byte)'"', count: 2, minimumBytes: 10_000);

        Assert.NotNull(ranges);
        var data = bytes.Length - ranges[0].Start;
        Assert.InRange(ranges[0].Length, (data / 2) - 20, (data / 2) + 20); // half, to a line
        Assert.All(ranges.Skip(1).SkipLast(1), (r, i) => Assert.InRange(r.Length, (ranges[i].Length / 2) - 20, (ranges[i].Length / 2) + 20));
        Assert.All(ranges, r => Assert.True(r.Length >= 10_000));
        Assert.InRange(ranges.Count, 3, 8); // at most four per reader
        Assert.Equal(bytes.Length, ranges[^1].Start + ranges[^1].Length);
    }

    [Theory]
    [InlineData("a,b\n1,\"x\ny\"\n3,4\n5,6\n")] // a quoted line break
    [InlineData("a,b\n1,2\n3,\"4\"\n5,6\n")] // any quote at all
    [InlineData("a,b\r1,2\r3,4\r5,6\r")] // lone carriage returns end records too
    [InlineData("a,b\n1,2\r\n3,4\r5,6\n")]
    public void A_file_whose_line_feeds_may_not_end_records_is_read_in_one_piece(string text) =>
        Assert.Null(Plan(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_file_in_utf_16_is_read_in_one_piece()
    {
        const string text = "a,b\n1,2\n3,4\n5,6\n7,8\n";
        Assert.NotNull(Plan(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Null(Plan([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)]));
        Assert.Null(Plan([.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(text)]));
    }

    private static IReadOnlyList<(long Start, long Length)>? Plan(byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("research-chunks-").FullName, "t.csv");
        File.WriteAllBytes(path, bytes);
        using var file = File.OpenHandle(path);
        return CsvChunks.Plan(file, (byte)'"', count: 4, minimumBytes: 1);
    }

    private static (Table Table, ValidationReport Report) Read(TableResource resource, string dir, int chunks)
    {
        var sink = new IssueSink();
        var table = CsvTableReader.Read(resource, Path.Combine(dir, resource.Path), resource.Path, sink, chunks, chunkBytes: 1);
        return (table, sink.ToReport());
    }

    // Problems spread through the file: short rows, empty lines, values of the wrong type or outside a field's codes,
    // and repeated rows (a repeated participant breaks the uniqueness of person_id).
    private static string[] Break(string[] lines)
    {
        var broken = new List<string> { lines[0] };
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            switch (i % 41)
            {
                case 3:
                    broken.Add(string.Join(',', fields[..^1]));
                    break;
                case 11:
                    broken.Add(string.Empty);
                    broken.Add(lines[i]);
                    break;
                case 19:
                    fields[1] = "not-a-value";
                    broken.Add(string.Join(',', fields));
                    break;
                case 27:
                    fields[^1] = "-x-";
                    broken.Add(string.Join(',', fields));
                    break;
                case 35:
                    broken.Add(lines[i]);
                    broken.Add(lines[i]);
                    break;
                default:
                    broken.Add(lines[i]);
                    break;
            }
        }

        return [.. broken];
    }
}
