using System.Text.Json.Nodes;
using Research.Data.Schema;
using Research.Data.Validation;

namespace Research.Data.Tests.Schema;

/// <summary>
/// A datapackage.json shipped with the data says how the files are written; it cannot change what a valid value is, add
/// resources, or point the reader at files outside the extract directory.
/// </summary>
public sealed class LocalDescriptorTests
{
    [Fact]
    public void Dropping_the_canonical_constraints_does_not_loosen_them()
    {
        var dir = TestExtract.Copy();
        EditDescriptor(dir, root =>
        {
            foreach (var field in Fields(root, "register_months"))
            {
                field.AsObject().Remove("constraints");
            }
        });
        TestExtract.SetField(dir, "register_months.csv", 3, "benefit_amount", "-999");

        var (_, report) = Extract.Read(dir);

        var issue = Assert.Single(report.Issues, i => i.Rule == Rules.Minimum);
        Assert.Equal(("benefit_amount", "-999"), (issue.Column, issue.Value));
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Changing_a_constraint_is_a_descriptor_error()
    {
        var dir = TestExtract.Copy();
        EditDescriptor(dir, root => Fields(root, "register_months").Single(f => (string?)f["name"] == "benefit_amount")["constraints"]!["minimum"] = -1000);

        var (_, report) = Extract.Read(dir);

        var issue = Assert.Single(report.Issues, i => i.Rule == Rules.Descriptor);
        Assert.Contains("benefit_amount", issue.Message);
        Assert.Contains("never the constraints", issue.Message);
    }

    [Fact]
    public void Changing_missing_values_or_keys_is_a_descriptor_error()
    {
        var dir = TestExtract.Copy();
        EditDescriptor(dir, root => Resource(root, "participants")["schema"]!["primaryKey"] = "caseworker_id");

        var issue = Assert.Single(Extract.Read(dir).Report.Issues, i => i.Rule == Rules.Descriptor);

        Assert.Contains("primaryKey", issue.Message);
    }

    [Fact]
    public void A_resource_the_canonical_schema_does_not_have_is_refused()
    {
        var dir = TestExtract.Copy();
        EditDescriptor(dir, root =>
        {
            var extra = Resource(root, "participants").DeepClone();
            extra["name"] = "passwd";
            root["resources"]!.AsArray().Add(extra);
        });

        var issue = Assert.Single(Extract.Read(dir).Report.Issues, i => i.Rule == Rules.Descriptor);

        Assert.Contains("\"passwd\"", issue.Message);
        Assert.Contains("not a resource of the canonical schema", issue.Message);
    }

    [Fact]
    public void A_decimal_comma_and_a_path_in_a_subdirectory_are_allowed()
    {
        var dir = TestExtract.Copy();
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.Move(Path.Combine(dir, "participants.csv"), Path.Combine(dir, "data", "participants.csv"));
        EditDescriptor(dir, root => Resource(root, "participants")["path"] = "data/participants.csv");

        var (extract, report) = Extract.Read(dir);

        Assert.True(report.IsValid, report.Format());
        Assert.Equal("data/participants.csv", extract!.Package.Resource("participants").Path);
    }

    [Theory]
    [InlineData("../../../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public void A_resource_outside_the_extract_directory_is_refused_and_never_read(string path)
    {
        var dir = TestExtract.Copy();
        EditDescriptor(dir, root => Resource(root, "participants")["path"] = path);

        var (_, report) = Extract.Read(dir, allowExternalResources: false);

        var issue = Assert.Single(report.Issues, i => i.Rule == Rules.ResourcePath);
        Assert.Contains("outside the extract directory", issue.Message);
        Assert.DoesNotContain("root:", report.Format());
    }

    [Fact]
    public void A_symbolic_link_out_of_the_extract_directory_is_refused_unless_allowed()
    {
        var dir = TestExtract.Copy();
        var elsewhere = TestExtract.Copy();
        File.Delete(Path.Combine(dir, "participants.csv"));
        File.CreateSymbolicLink(Path.Combine(dir, "participants.csv"), Path.Combine(elsewhere, "participants.csv"));

        Assert.Single(Extract.Read(dir, allowExternalResources: false).Report.Issues, i => i.Rule == Rules.ResourcePath);
        Assert.True(Extract.Read(dir, allowExternalResources: true).Report.IsValid);
    }

    [Fact]
    public void An_external_resource_is_read_when_allowed()
    {
        var dir = TestExtract.Copy();
        var elsewhere = TestExtract.Copy();
        EditDescriptor(dir, root => Resource(root, "register_months")["path"] = Path.Combine(elsewhere, "register_months.csv"));
        File.Delete(Path.Combine(dir, "register_months.csv"));

        var (extract, report) = Extract.Read(dir, allowExternalResources: true);

        Assert.True(report.IsValid, report.Format());
        Assert.True(extract!.RegisterMonths!.RowCount > 0);
    }

    private static void EditDescriptor(string dir, Action<JsonNode> edit)
    {
        var path = Path.Combine(dir, DataPackage.FileName);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
    }

    private static JsonNode Resource(JsonNode root, string name) => root["resources"]!.AsArray().Single(r => (string?)r!["name"] == name)!;

    private static IEnumerable<JsonNode> Fields(JsonNode root, string resource) => Resource(root, resource)["schema"]!["fields"]!.AsArray().Select(f => f!);
}
