using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14, finding 5: three persons without register months. validate said VALID, run-all failed every report, and
/// their ids appeared in 19 output files. Now they are "not linked" warnings, the reports run, and no output names them
/// (nor holds an absolute path: issue 13's provenance bullet).
/// </summary>
public sealed class PersonIdTests
{
    [Fact]
    public async Task Finding_05_unlinked_persons_fail_no_report_and_their_ids_reach_no_output()
    {
        var root = TestData.Scratch();
        var extracts = TestData.TwoMunicipalitiesForReports(Path.Combine(root, "extracts"));
        var ids = File.ReadAllLines(Path.Combine(extracts, "participants.csv")).Skip(1).Where(l => l.Split(',')[1] == "utrecht")
            .Take(3).Select(l => l.Split(',')[0]).ToList();
        var register = Path.Combine(extracts, "register_months.csv");
        File.WriteAllLines(register, File.ReadAllLines(register).Where(l => !ids.Contains(l.Split(',')[0])));

        var validated = await CliRunner.RunAsync("validate", extracts);
        var withIds = await CliRunner.RunAsync("validate", extracts, "--show-ids", "--max-issues", "100000");

        Assert.Equal(0, validated.Exit);
        Assert.Contains("register-coverage", validated.Output);
        Assert.All(ids, id => Assert.DoesNotContain(id, validated.Output));
        Assert.All(ids, id => Assert.Contains($"identifier \"{id}\"", withIds.Output));

        // The real report notebooks: Utrecht's report (where the persons are), Tilburg's and the synthesis.
        var all = await CliRunner.RunAsync("run-all", "--extracts", extracts, "--out", Path.Combine(root, "out"));
        Assert.True(all.Exit == 0, all.Output + all.Error);
        Assert.Contains("not linked", File.ReadAllText(Path.Combine(root, "out", "validation.txt")));

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "out"), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains(root, StringComparison.Ordinal), $"{file} holds the absolute path {root}");
            Assert.All(ids, id => Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, $"(?<![0-9]){id}(?![0-9])"), $"{file} names person {id}"));
        }
    }
}
