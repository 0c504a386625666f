using System.Text.Json.Nodes;
using Research.Data.Schema;
using Research.Pipeline.Inputs;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests.Inputs;

/// <summary>Inputs are what the data package names, wherever it lies, plus the other files of the extract directory.</summary>
public sealed class ExtractInputsTests
{
    [Fact]
    public void Every_declared_resource_and_every_sidecar_is_hashed_by_name()
    {
        var world = new PipelineWorld();

        var inputs = ExtractInputs.Hash(world.Extracts, allowExternal: false);

        Assert.Equal(["participants", "register_months", "survey_responses", "datapackage.json", "truth.json"], inputs.Select(i => i.Name));
        Assert.Equal("data/participants.csv", inputs[0].Path);
    }

    [Fact]
    public void A_resource_outside_the_directory_is_refused_unless_allowed_and_then_hashed()
    {
        var world = new PipelineWorld();
        var elsewhere = Path.Combine(world.Root, "elsewhere.csv");
        File.Move(Path.Combine(world.Extracts, "register_months.csv"), elsewhere);
        var descriptor = Path.Combine(world.Extracts, DataPackage.FileName);
        var root = JsonNode.Parse(File.ReadAllText(descriptor))!;
        root["resources"]!.AsArray().Single(r => (string?)r!["name"] == "register_months")!["path"] = elsewhere;
        File.WriteAllText(descriptor, root.ToJsonString());

        var refused = Assert.Throws<DescriptorException>(() => ExtractInputs.Hash(world.Extracts, allowExternal: false));
        Assert.Contains("outside the extract directory", refused.Message);

        var allowed = ExtractInputs.Hash(world.Extracts, allowExternal: true).Single(i => i.Name == "register_months");
        Assert.Equal("../elsewhere.csv", allowed.Path);
        File.AppendAllText(elsewhere, "\n");
        Assert.NotEqual(allowed.Sha256, ExtractInputs.Hash(world.Extracts, allowExternal: true).Single(i => i.Name == "register_months").Sha256);
    }

    [Fact]
    public void Differences_name_changed_missing_and_new_inputs()
    {
        InputFile[] recorded = [new("participants", "data/participants.csv", "aaaaaaaaaaaaaaaa"), new("truth.json", "truth.json", "bbbbbbbbbbbbbbbb")];
        InputFile[] now = [new("participants", "data/participants.csv", "cccccccccccccccc"), new("notes.txt", "notes.txt", "dddddddddddddddd")];

        var lines = ExtractInputs.Differences(recorded, now);

        Assert.Equal(
            ["input participants (data/participants.csv) has changed (recorded SHA-256 aaaaaaaaaaaa…, now cccccccccccc…)", "input truth.json is missing", "input notes.txt was not part of the recorded run"],
            lines);
    }
}
