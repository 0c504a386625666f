using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.BadInputs;

/// <summary>Issue 14, finding 9: the in-place guard compared path strings, so the input notebook could be lost.</summary>
public sealed class PathGuardTests
{
    public static TheoryData<string> Spellings => ["html-is-input", "output-through-link", "output-is-html", "html-through-directory-link"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Finding_09_no_spelling_of_a_path_lets_an_output_overwrite_the_input_or_another_output(string spelling)
    {
        var root = TestData.Scratch();
        var notebook = Path.Combine(root, "marker.ipynb");
        File.Copy(TestData.BadInput("marker.ipynb"), notebook);
        var original = File.ReadAllBytes(notebook);
        var marker = Path.Combine(root, "marker.txt");
        string[] outputs = spelling switch
        {
            "html-is-input" => ["--html", notebook],
            "output-through-link" => ["-o", Link(root, "link.ipynb", notebook)],
            "output-is-html" => ["-o", Path.Combine(root, "x.ipynb"), "--html", Path.Combine(root, "x.ipynb")],
            _ => ["--html", Path.Combine(DirectoryLink(root), "marker.ipynb")],
        };

        var run = await CliRunner.RunAsync(["run", notebook, "-p", $"marker={marker}", .. outputs]);

        CliRunner.AssertOneLineFailure(run, 2, "research run: ");
        Assert.Equal(original, File.ReadAllBytes(notebook));
        Assert.False(File.Exists(marker), "a cell ran although the command line was refused");
    }

    [Fact]
    public async Task Finding_09_in_place_still_needs_to_be_asked_for_through_a_link_too()
    {
        var root = TestData.Scratch();
        var notebook = Path.Combine(root, "marker.ipynb");
        File.Copy(TestData.BadInput("marker.ipynb"), notebook);

        var run = await CliRunner.RunAsync("run", notebook, "-p", $"marker={Path.Combine(root, "marker.txt")}", "-o", Link(root, "link.ipynb", notebook), "--in-place");

        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Contains("\"outputs\"", File.ReadAllText(notebook));
    }

    private static string Link(string root, string name, string target)
    {
        var link = Path.Combine(root, name);
        File.CreateSymbolicLink(link, target);
        return link;
    }

    private static string DirectoryLink(string root)
    {
        var link = Path.Combine(root, "same-directory");
        Directory.CreateSymbolicLink(link, root);
        return link;
    }
}
