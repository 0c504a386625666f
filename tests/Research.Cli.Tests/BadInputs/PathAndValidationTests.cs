using System.Text.Json.Nodes;
using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.BadInputs;

/// <summary>Issue 14, finding 4: datapackage paths escaped the extract directory, and a local datapackage loosened the constraints.</summary>
public sealed class PathAndValidationTests
{
    [Fact]
    public async Task Finding_04_a_resource_outside_the_extract_is_refused_and_dropped_constraints_still_hold()
    {
        var escaping = TestData.TwoMunicipalities(Path.Combine(TestData.Scratch(), "extracts"));
        EditResource(escaping, "participants", r => r["path"] = "../../../../../../../../etc/passwd");

        var refused = await CliRunner.RunAsync("validate", escaping);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("lies outside the extract directory", refused.Error);
        Assert.DoesNotContain("root:", refused.Error + refused.Output);

        var loosened = TestData.TwoMunicipalities(Path.Combine(TestData.Scratch(), "extracts"));
        EditResource(loosened, "register_months", r =>
        {
            foreach (var field in r["schema"]!["fields"]!.AsArray())
            {
                field!.AsObject().Remove("constraints");
            }
        });
        TestData.EditFirstRow(Path.Combine(loosened, "register_months.csv"), "benefit_amount", _ => "-999");

        var invalid = await CliRunner.RunAsync("validate", loosened);

        Assert.Equal(1, invalid.Exit);
        Assert.Contains("register_months.csv row 2, column benefit_amount, value \"-999\": [minimum]", invalid.Error);
    }

    [Fact]
    public async Task Finding_04_an_external_resource_is_refused_without_the_flag_and_planned_with_it()
    {
        var root = TestData.Scratch();
        var extracts = TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        var elsewhere = Path.Combine(root, "elsewhere", "survey_responses.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.Move(Path.Combine(extracts, "survey_responses.csv"), elsewhere);
        EditResource(extracts, "survey_responses", r => r["path"] = elsewhere);
        string[] runAll = ["run-all", "--extracts", extracts, "--out", Path.Combine(root, "out"), "--notebooks", TestData.StandInNotebooks, "--dry-run"];

        var refused = await CliRunner.RunAsync(runAll);
        var allowed = await CliRunner.RunAsync([.. runAll, "--allow-external-resources"]);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("lies outside the extract directory", refused.Output);
        Assert.Equal(0, allowed.Exit);
        Assert.Contains("utrecht: would run because no cache entry", allowed.Output);
    }

    private static void EditResource(string extracts, string name, Action<JsonNode> edit)
    {
        var path = Path.Combine(extracts, "datapackage.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root["resources"]!.AsArray().Single(r => (string?)r!["name"] == name)!);
        File.WriteAllText(path, root.ToJsonString());
    }
}
