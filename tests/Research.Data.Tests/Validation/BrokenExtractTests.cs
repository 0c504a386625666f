using Research.Data.Validation;

namespace Research.Data.Tests.Validation;

/// <summary>The corpus of broken extracts: each yields the expected clear error, none crashes.</summary>
public sealed class BrokenExtractTests
{
    [Fact]
    public void The_synthetic_extract_is_valid()
    {
        var (extract, report) = Extract.Read(TestExtract.ValidDirectory);

        Assert.True(report.IsValid, report.Format());
        Assert.NotNull(extract);
        Assert.Equal(3, extract.Tables.Count);
    }

    [Fact]
    public void Wrong_type_names_file_row_column_and_value()
    {
        var dir = TestExtract.Copy();
        TestExtract.SetField(dir, "participants.csv", 3, "birth_year", "nineteen-eighty");

        var issue = Single(dir, Rules.Type);

        Assert.Equal(("participants.csv", 4, "birth_year", "nineteen-eighty"), (issue.File, issue.Row, issue.Column, issue.Value));
        Assert.Contains("expected an integer", issue.Message);
    }

    [Fact]
    public void Missing_column_is_reported_once_not_per_row()
    {
        var dir = TestExtract.Copy();
        TestExtract.EditLines(dir, "participants.csv", lines => lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 9))).ToArray());

        var issue = Single(dir, Rules.MissingColumn);

        Assert.Equal(("participants.csv", 1, "sex"), (issue.File, issue.Row, issue.Column));
    }

    [Fact]
    public void Duplicate_key_is_reported_with_the_repeated_row()
    {
        var dir = TestExtract.Copy();
        TestExtract.EditLines(dir, "register_months.csv", lines => [.. lines, lines[5]]);

        var (_, report) = Extract.Read(dir);
        var issue = report.Issues.Single(i => i.Rule == Rules.PrimaryKey);

        Assert.Equal("register_months.csv", issue.File);
        Assert.Equal(File.ReadAllLines(Path.Combine(dir, "register_months.csv")).Length, issue.Row);
        Assert.Null(issue.Value); // the key holds a person id: kept only as the identifier, printed on request
        Assert.StartsWith(lines(dir)[5].Split(',')[0] + "|" + lines(dir)[5].Split(',')[1], issue.Identifier);
        Assert.DoesNotContain(lines(dir)[5].Split(',')[0], report.Format());
        Assert.Contains(lines(dir)[5].Split(',')[0], report.Format(showIdentifiers: true));

        static string[] lines(string d) => File.ReadAllLines(Path.Combine(d, "register_months.csv"));
    }

    [Fact]
    public void Orphan_person_in_the_register_is_a_foreign_key_error()
    {
        var dir = TestExtract.Copy();
        TestExtract.SetField(dir, "register_months.csv", 10, "person_id", "999999999");

        var (_, report) = Extract.Read(dir);
        var issue = report.Issues.Single(i => i.Rule == Rules.ForeignKey);

        Assert.Equal(("register_months.csv", 11, "person_id", null, "999999999"), (issue.File, issue.Row, issue.Column, issue.Value, issue.Identifier));
        Assert.DoesNotContain("999999999", report.Format());
        Assert.Contains("no row of participants", issue.Message);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Unknown_arm_lists_the_municipalitys_arms()
    {
        var dir = TestExtract.Copy();
        TestExtract.SetField(dir, "participants.csv", 1, "arm", "basisinkomen");

        var issue = Single(dir, Rules.ArmKnown);

        Assert.Equal(("participants.csv", 2, "arm", "basisinkomen"), (issue.File, issue.Row, issue.Column, issue.Value));
        Assert.Contains("control", issue.Message);
    }

    [Fact]
    public void Out_of_range_hours_name_the_maximum()
    {
        var dir = TestExtract.Copy();
        TestExtract.SetField(dir, "register_months.csv", 20, "contract_hours", "168");

        var issue = Single(dir, Rules.Maximum);

        Assert.Equal(("register_months.csv", 21, "contract_hours", "168"), (issue.File, issue.Row, issue.Column, issue.Value));
        Assert.Equal("must be at most 80", issue.Message);
    }

    [Fact]
    public void Semicolon_csv_with_decimal_commas_reads_when_declared()
    {
        var dir = TestExtract.Copy();
        ToDutchExcel(dir, "register_months.csv");
        DeclareDutchDialect(dir, "register_months");

        var (extract, report) = Extract.Read(dir);

        Assert.True(report.IsValid, report.Format());
        var original = Extract.Read(TestExtract.ValidDirectory).Extract!;
        Assert.Equal(original.RegisterMonths!.Numbers("earnings").Values.ToArray(), extract!.RegisterMonths!.Numbers("earnings").Values.ToArray());
    }

    [Fact]
    public void Semicolon_csv_undeclared_is_a_dialect_error_with_the_fix()
    {
        var dir = TestExtract.Copy();
        ToDutchExcel(dir, "register_months.csv");

        var (_, report) = Extract.Read(dir);
        var issue = report.Issues.Single(i => i.Rule == Rules.Dialect);

        Assert.Equal(("register_months.csv", 1), (issue.File, issue.Row));
        Assert.Contains("\"delimiter\": \";\"", issue.Message);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Decimal_comma_with_declared_semicolon_but_undeclared_decimal_char_names_the_fix()
    {
        var dir = TestExtract.Copy();
        ToDutchExcel(dir, "register_months.csv");
        DeclareDutchDialect(dir, "register_months", decimalComma: false);

        var (_, report) = Extract.Read(dir);
        var issue = report.Issues.First(i => i.Rule == Rules.Type);

        Assert.Contains("decimalChar", issue.Message);
        Assert.Contains(",", issue.Value);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var dir = TestExtract.Copy();
        var path = Path.Combine(dir, "participants.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        var (_, report) = Extract.Read(dir);

        Assert.True(report.IsValid, report.Format());
    }

    [Fact]
    public void Invalid_utf8_is_an_encoding_error_not_replacement_characters()
    {
        var dir = TestExtract.Copy();
        var path = Path.Combine(dir, "participants.csv");
        var bytes = File.ReadAllBytes(path);
        var at = Array.IndexOf(bytes, (byte)'d', Array.IndexOf(bytes, (byte)'\n'));
        bytes[at] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var (_, report) = Extract.Read(dir);

        Assert.Contains(report.Issues, i => i.Rule == Rules.Encoding && i.Row == 2);
    }

    [Fact]
    public void Missing_months_are_an_error_naming_the_gap()
    {
        var dir = TestExtract.Copy();
        TestExtract.EditLines(dir, "register_months.csv", lines => lines.Where((_, i) => i != 30).ToArray());
        var removed = File.ReadAllLines(Path.Combine(TestExtract.ValidDirectory, "register_months.csv"))[30].Split(',');

        var issue = Single(Path.Combine(dir), Rules.MonthsContiguous);

        Assert.Equal(removed[1], issue.Value);
        Assert.Equal(removed[0], issue.Identifier);
        Assert.DoesNotContain(removed[0], issue.ToString());
    }

    [Fact]
    public void Take_up_in_the_control_arm_is_an_error()
    {
        var dir = TestExtract.Copy();
        var line = File.ReadAllLines(Path.Combine(dir, "participants.csv")).ToList().FindIndex(l => l.Contains(",control,", StringComparison.Ordinal));
        TestExtract.SetField(dir, "participants.csv", line, "took_up", "1");

        var issue = Single(dir, Rules.TakeUp);

        Assert.Equal(line + 1, issue.Row);
    }

    [Fact]
    public void Cross_table_checks_run_side_by_side_but_report_in_their_listed_order()
    {
        // One problem for each part of the validator: the register's keys (a repeated row, an unknown person), the
        // participants' facts (an unknown arm) and the register's months (a gap). The parts run at once; the report must
        // list them as running them one after another does, whichever finished first, on every run.
        var dir = TestExtract.Copy();
        TestExtract.EditLines(dir, "register_months.csv", lines => [.. lines.Where((_, i) => i != 30), lines[5]]);
        TestExtract.SetField(dir, "register_months.csv", 10, "person_id", "999999999");
        TestExtract.SetField(dir, "participants.csv", 1, "arm", "basisinkomen");
        string[] expected = [Rules.PrimaryKey, Rules.ForeignKey, Rules.ArmKnown, Rules.MonthsContiguous];

        for (var run = 0; run < 5; run++)
        {
            var (_, report) = Extract.Read(dir);
            Assert.Equal(expected, report.Issues.Where(i => i.Severity == Severity.Error).Select(i => i.Rule).Distinct());
            Assert.Equal(1, report.Issues.Count(i => i.Rule == Rules.PrimaryKey));
        }
    }

    [Fact]
    public void All_problems_are_reported_and_counted_not_just_the_first()
    {
        var dir = TestExtract.Copy();
        TestExtract.EditLines(dir, "register_months.csv", lines =>
            lines.Select((l, i) => i == 0 ? l : l.Replace(",1,", ",ja,", StringComparison.Ordinal)).ToArray());

        var (_, report) = Extract.Read(dir, detailLimit: 50);

        Assert.Equal(50, report.Issues.Count);
        Assert.True(report.ErrorCount > 1000);
        Assert.Contains(report.Counts, c => c.Rule == Rules.Type && c.Count == report.ErrorCount);
        Assert.Contains("more not listed", report.Format(10));
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var dir = TestExtract.Copy();
        File.Delete(Path.Combine(dir, "survey_responses.csv"));

        var issue = Single(dir, Rules.FileMissing);

        Assert.Equal("survey_responses.csv", issue.File);
    }

    [Fact]
    public void A_local_descriptor_that_changes_a_type_is_rejected_naming_the_field()
    {
        var dir = TestExtract.Copy();
        var path = Path.Combine(dir, "datapackage.json");
        var json = File.ReadAllText(path);
        var at = json.IndexOf("\"name\": \"earnings_prev_year\"", StringComparison.Ordinal);
        File.WriteAllText(path, json[..at] + json[at..].ReplaceFirst("\"type\": \"number\"", "\"type\": \"integer\""));

        var issue = Single(dir, Rules.Descriptor);

        Assert.Contains("earnings_prev_year", issue.Message);
        Assert.Contains("is integer but the canonical schema says number", issue.Message);
    }

    [Fact]
    public void Invalid_extract_cannot_be_loaded()
    {
        var dir = TestExtract.Copy();
        TestExtract.SetField(dir, "participants.csv", 1, "municipality", "amsterdam");

        var e = Assert.Throws<InvalidExtractException>(() => Extract.Load(dir));

        Assert.Contains("amsterdam", e.Message);
        Assert.False(e.Report.IsValid);
    }

    private static ValidationIssue Single(string dir, string rule)
    {
        var (_, report) = Extract.Read(dir);
        Assert.False(report.IsValid, "expected the extract to be invalid");
        return Assert.Single(report.Issues, i => i.Rule == rule);
    }

    private static void ToDutchExcel(string dir, string file) => TestExtract.EditLines(dir, file, lines =>
        lines.Select(l => l.Replace(',', ';').Replace('.', ',')).ToArray());

    private static void DeclareDutchDialect(string dir, string resource, bool decimalComma = true)
    {
        var path = Path.Combine(dir, "datapackage.json");
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var r in root["resources"]!.AsArray().Where(r => (string?)r!["name"] == resource))
        {
            r!["dialect"]!["delimiter"] = ";";
            if (decimalComma)
            {
                foreach (var f in r["schema"]!["fields"]!.AsArray().Where(f => (string?)f!["type"] == "number"))
                {
                    f!["decimalChar"] = ",";
                }
            }
        }

        File.WriteAllText(path, root.ToJsonString());
    }
}

internal static class StringExtensions
{
    public static string ReplaceFirst(this string text, string search, string replacement)
    {
        var at = text.IndexOf(search, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + search.Length)..];
    }
}
