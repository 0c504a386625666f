using Research.Analysis.Outcomes;
using Research.Data;

namespace Research.Analysis.Tests.Outcomes;

/// <summary>Errors of the table route name the file rows, on copies of the fixture extract with one line changed.</summary>
public sealed class OutcomeExtractErrorTests : IDisposable
{
    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Outcomes", "extract");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outcome-errors-" + Guid.NewGuid().ToString("N"));

    public OutcomeExtractErrorTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.GetFiles(Source))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_deleted_register_month_is_named_with_the_participant_row()
    {
        var lines = RegisterLines();
        var removed = lines[20].Split(',');
        lines.RemoveAt(20);
        File.WriteAllLines(RegisterPath, lines);

        var error = Assert.Throws<OutcomeDataException>(() => OutcomePanel.FromExtract(ReadAnyway()));
        Assert.Contains($"the person of participants.csv row 2: register month {removed[1]} (month ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(removed[0], error.Message + string.Join("\n", error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_register_month_is_named_with_the_register_row()
    {
        var lines = RegisterLines();
        lines.Insert(21, lines[20]);
        File.WriteAllLines(RegisterPath, lines);

        var error = Assert.Throws<OutcomeDataException>(() => OutcomePanel.FromExtract(ReadAnyway()));
        var fields = lines[20].Split(',');
        Assert.Contains($"register_months.csv row 22: the person of participants.csv row 2 has month {fields[1]} twice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fields[0], error.Message + string.Join("\n", error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_hours_cell_is_named_with_the_register_row()
    {
        var lines = RegisterLines();
        var fields = lines[5].Split(',');
        fields[4] = "";
        lines[5] = string.Join(',', fields);
        File.WriteAllLines(RegisterPath, lines);

        var error = Assert.Throws<OutcomeDataException>(() => OutcomePanel.FromExtract(ReadAnyway()));
        Assert.Contains("register_months.csv row 6: contract_hours is missing", error.Message, StringComparison.Ordinal);
    }

    private string RegisterPath => Path.Combine(_directory, "register_months.csv");

    private List<string> RegisterLines() => [.. File.ReadAllLines(RegisterPath)];

    /// <summary>The validator rejects these extracts too; reading without it shows the outcome layer's own checks.</summary>
    private Extract ReadAnyway()
    {
        var (extract, report) = Extract.Read(_directory);
        Assert.False(report.IsValid);
        return extract!;
    }
}
