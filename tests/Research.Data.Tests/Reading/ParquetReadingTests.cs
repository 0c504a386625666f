using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Research.Data.Validation;

namespace Research.Data.Tests.Reading;

/// <summary>Parquet extracts read into the same typed columns as CSV and are checked by the same rules.</summary>
public sealed class ParquetReadingTests
{
    [Fact]
    public async Task Participants_as_parquet_read_like_the_csv()
    {
        var dir = TestExtract.Copy();
        var csv = Extract.Read(dir).Extract!.Participants!;
        await WriteParticipantsParquet(dir, csv, birthYearOverride: null);

        var (extract, report) = Extract.Read(dir);

        Assert.True(report.IsValid, report.Format());
        var parquet = extract!.Participants!;
        Assert.Equal(csv.RowCount, parquet.RowCount);
        foreach (var column in csv.Columns)
        {
            Assert.Equal(Enumerable.Range(0, csv.RowCount).Select(column.GetValue), Enumerable.Range(0, csv.RowCount).Select(parquet[column.Name].GetValue));
        }
    }

    [Fact]
    public async Task Parquet_values_are_checked_against_the_constraints()
    {
        var dir = TestExtract.Copy();
        var csv = Extract.Read(dir).Extract!.Participants!;
        await WriteParticipantsParquet(dir, csv, birthYearOverride: (row: 2, value: 1890));

        var (_, report) = Extract.Read(dir);

        var issue = Assert.Single(report.Issues, i => i.Rule == Rules.Minimum);
        Assert.Equal(("participants.parquet", 3, "birth_year", "1890"), (issue.File, issue.Row, issue.Column, issue.Value));
    }

    [Fact]
    public async Task A_parquet_column_of_the_wrong_type_is_reported()
    {
        var dir = TestExtract.Copy();
        var csv = Extract.Read(dir).Extract!.Participants!;
        await WriteParticipantsParquet(dir, csv, birthYearOverride: null, birthYearAsText: true);

        var (_, report) = Extract.Read(dir);

        var issue = Assert.Single(report.Issues, i => i.Rule == Rules.Type);
        Assert.Equal("birth_year", issue.Column);
        Assert.Contains("cannot represent a integer field", issue.Message);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_error_not_a_crash()
    {
        var dir = TestExtract.Copy();
        File.WriteAllText(Path.Combine(dir, "participants.parquet"), "this is not parquet");
        DeclareParquet(dir);

        var (_, report) = Extract.Read(dir);

        Assert.Contains(report.Issues, i => i.File == "participants.parquet" && i.Rule == Rules.Encoding);
    }

    private static async Task WriteParticipantsParquet(string dir, Research.Data.Tables.Table csv, (int row, long value)? birthYearOverride, bool birthYearAsText = false)
    {
        var fields = new List<DataField>();
        foreach (var column in csv.Columns)
        {
            fields.Add(column.Name == "birth_year" && birthYearAsText ? new DataField<string>(column.Name) : column switch
            {
                Research.Data.Tables.StringColumn => new DataField<string>(column.Name),
                Research.Data.Tables.ValueColumn<long> => new DataField<long?>(column.Name),
                Research.Data.Tables.ValueColumn<double> => new DataField<double?>(column.Name),
                Research.Data.Tables.ValueColumn<bool> => new DataField<bool?>(column.Name),
                Research.Data.Tables.ValueColumn<DateOnly> => new DataField<DateOnly?>(column.Name),
                _ => throw new InvalidOperationException(column.Name),
            });
        }

        var schema = new ParquetSchema(fields);
        await using (var stream = File.Create(Path.Combine(dir, "participants.parquet")))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            using var group = writer.CreateRowGroup();
            var n = csv.RowCount;
            for (var f = 0; f < csv.Columns.Count; f++)
            {
                var column = csv.Columns[f];
                var field = fields[f];
                switch (column)
                {
                    case Research.Data.Tables.StringColumn s:
                        await group.WriteAsync(field, Enumerable.Range(0, n).Select(i => s[i]).ToArray()!);
                        break;
                    case Research.Data.Tables.ValueColumn<long> l when birthYearAsText && l.Name == "birth_year":
                        await group.WriteAsync(field, Enumerable.Range(0, n).Select(i => l[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()!);
                        break;
                    case Research.Data.Tables.ValueColumn<long> l:
                        var longs = Enumerable.Range(0, n).Select(i => l[i]).ToArray();
                        if (birthYearOverride is { } o && l.Name == "birth_year")
                        {
                            longs[o.row] = o.value;
                        }

                        await group.WriteAsync<long>(field, longs.AsMemory());
                        break;
                    case Research.Data.Tables.ValueColumn<double> d:
                        await group.WriteAsync<double>(field, Enumerable.Range(0, n).Select(i => d[i]).ToArray().AsMemory());
                        break;
                    case Research.Data.Tables.ValueColumn<bool> b:
                        await group.WriteAsync<bool>(field, Enumerable.Range(0, n).Select(i => b[i]).ToArray().AsMemory());
                        break;
                    case Research.Data.Tables.ValueColumn<DateOnly> t:
                        await group.WriteAsync<DateOnly>(field, Enumerable.Range(0, n).Select(i => t[i]).ToArray().AsMemory());
                        break;
                }
            }
        }

        File.Delete(Path.Combine(dir, "participants.csv"));
        DeclareParquet(dir);
    }

    private static void DeclareParquet(string dir)
    {
        var path = Path.Combine(dir, "datapackage.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var participants = root["resources"]!.AsArray().Single(r => (string?)r!["name"] == "participants")!;
        participants["format"] = "parquet";
        participants["path"] = "participants.parquet";
        participants["mediatype"] = "application/vnd.apache.parquet";
        File.WriteAllText(path, root.ToJsonString());
    }
}
