using System.Text.Json.Nodes;
using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.BadInputs;

/// <summary>Issue 14, findings 2 and 3: stale results and a verify that did not look at the outputs.</summary>
public sealed class StaleResultTests
{
    /// <summary>
    /// Finding 2: participants.csv moved to data/ (the datapackage points there) and a person's data changed: run-all said
    /// "unchanged" and verify said "NOT REPRODUCED" without naming the input.
    /// </summary>
    [Fact]
    public async Task Finding_02_a_changed_resource_in_a_subdirectory_reruns_the_reports_and_verify_names_it()
    {
        var root = TestData.Scratch();
        var extracts = TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        Directory.CreateDirectory(Path.Combine(extracts, "data"));
        File.Move(Path.Combine(extracts, "participants.csv"), Path.Combine(extracts, "data", "participants.csv"));
        var descriptor = Path.Combine(extracts, "datapackage.json");
        var json = JsonNode.Parse(File.ReadAllText(descriptor))!;
        json["resources"]!.AsArray().Single(r => (string?)r!["name"] == "participants")!["path"] = "data/participants.csv";
        File.WriteAllText(descriptor, json.ToJsonString());
        string[] runAll = ["run-all", "--extracts", extracts, "--out", Path.Combine(root, "out"), "--notebooks", TestData.StandInNotebooks];
        Assert.Equal(0, (await CliRunner.RunAsync(runAll)).Exit);

        TestData.EditFirstRow(Path.Combine(extracts, "data", "participants.csv"), "birth_year",
            year => (int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var plan = await CliRunner.RunAsync([.. runAll, "--dry-run"]);
        var verify = await CliRunner.RunAsync("verify", Path.Combine(root, "out"));

        Assert.Equal(0, plan.Exit);
        Assert.Contains("utrecht: would run because input participants changed", plan.Output);
        Assert.Contains("synthesis: would run because input participants changed", plan.Output);
        Assert.Equal(1, verify.Exit);
        Assert.Contains("CHANGED INPUTS", verify.Error);
        Assert.Contains("input participants (data/participants.csv) has changed", verify.Error);
        Assert.DoesNotContain("NOT REPRODUCED", verify.Error);
    }

    /// <summary>Finding 3: an edited utrecht.html still "reproduced".</summary>
    [Fact]
    public async Task Finding_03_verify_reports_an_edited_report_separately_from_the_numbers()
    {
        var root = await RecordedRun.CopyAsync();
        File.AppendAllText(Path.Combine(root, "out", "reports", "utrecht.html"), "<p>The effect was large.</p>");

        var verify = await CliRunner.RunAsync("verify", Path.Combine(root, "out"), "--parallel", "2");

        Assert.Equal(1, verify.Exit);
        Assert.Contains("CHANGED OUTPUTS: 1 output file(s) are not the bytes the run recorded", verify.Error);
        Assert.Contains("reports/utrecht.html has changed since the run", verify.Error);
        Assert.Contains("REPRODUCED: 3 result files agree", verify.Output);
    }
}
