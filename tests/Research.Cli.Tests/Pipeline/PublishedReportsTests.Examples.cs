using System.Text.Json.Nodes;
using Research.Analysis.Disclosure;
using Research.Cli.Tests.Support;
using Research.Reporting.Publication;

namespace Research.Cli.Tests.Pipeline;

/// <summary>The example notebooks (notebooks/examples) run on the extracts of the full run.</summary>
public sealed partial class PublishedReportsTests
{
    [Fact]
    public async Task The_Deedle_example_runs_in_FSharp_and_shows_per_arm_aggregates_only()
    {
        var output = Path.Combine(run.Directory, "baseline-by-arm-deedle.ipynb");
        var notebook = Path.Combine(AppContext.BaseDirectory, "examples", "baseline-by-arm-deedle.ipynb");

        var result = await CliRunner.RunAsync("run", notebook, "-p", "extracts=" + Path.Combine(run.Output, "extracts"), "-p", "municipality=utrecht", "-o", output);

        Assert.True(result.Exit == 0, result.Output + result.Error);
        var cells = JsonNode.Parse(await File.ReadAllTextAsync(output))!["cells"]!.AsArray();
        // nbformat stores multi-line text as an array of lines.
        static string? Html(JsonNode? data) => data?["text/html"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
            JsonNode text => text.GetValue<string>(),
            null => null,
        };
        var table = cells.Select(c => c!["outputs"]?.AsArray().Select(o => Html(o!["data"])).LastOrDefault(h => h is not null)).Last(h => h is not null)!;
        Assert.Contains("(Deedle frame)", table, StringComparison.Ordinal);
        foreach (var arm in new[] { "control", "zelf_in_actie", "met_extra_hulp", "werken_loont" })
        {
            Assert.Contains($"<td>{arm}</td>", table, StringComparison.Ordinal);
        }

        Assert.Equal("fsharp", cells.Last()!["metadata"]!["polyglot_notebook"]!["kernelName"]!.ToString());
        var scan = new DisclosureScan(DisclosureControl.CbsMinimumCount, DisclosureScan.PersonIds(Path.Combine(run.Output, "extracts")));
        Assert.Empty(scan.ScanFile(output, "baseline-by-arm-deedle.ipynb"));
    }
}
