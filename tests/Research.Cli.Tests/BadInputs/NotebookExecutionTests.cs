using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14, findings 6 to 8, as far as the pipeline is concerned: a memory limit per notebook, every way a report
/// process ends is a message (no unhandled exception), and chart data cannot end its script element. (Per-cell output
/// caps, flat memory per cell and saving after every cell are the notebook host's, tested there.)
/// </summary>
public sealed class NotebookExecutionTests
{
    /// <summary>Finding 6: a notebook that grows without bound fails in its own process with the limit named.</summary>
    [Fact]
    public async Task Finding_06_a_notebook_over_its_memory_limit_fails_alone_with_a_message()
    {
        var run = await RunAll("memory-hog", "--memory-limit", "768M");

        Assert.Equal(1, run.Exit);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        Assert.Contains("utrecht: FAILED: failed (exit 1: a cell failed); it ran out of memory (limit 768 MiB per notebook; raise it with --memory-limit)", run.Output);
    }

    /// <summary>Finding 7: a cell that ends the process after the result file is written, and one that fails fast.</summary>
    [Theory]
    [InlineData("exit-after-results", "utrecht: FAILED: failed (exit 1: a cell failed)")]
    [InlineData("fail-fast", "utrecht: FAILED: aborted (SIGABRT")]
    public async Task Finding_07_every_child_ending_is_a_message_and_no_result_is_kept(string notebooks, string message)
    {
        var root = TestData.Scratch();
        var run = await RunAllIn(root, notebooks);

        Assert.Equal(1, run.Exit);
        Assert.Contains(message, run.Output);
        Assert.DoesNotContain("Unhandled exception", run.Output + run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Path.Combine(root, "out", "reports", "utrecht.results.json")));
        Assert.False(File.Exists(Path.Combine(root, "out", ".cache", "utrecht.json")));
        Assert.False(File.Exists(Path.Combine(root, "out", "provenance.json")));
    }

    /// <summary>Finding 8: an arm name "&lt;/script&gt;&lt;script&gt;…" broke out of the chart's script in the executed notebook.</summary>
    [Fact]
    public async Task Finding_08_a_hostile_trace_name_stays_inside_the_chart_script_of_the_executed_notebook()
    {
        var root = TestData.Scratch();
        var executed = Path.Combine(root, "chart.ipynb");
        var html = Path.Combine(root, "chart.html");

        var run = await CliRunner.RunAsync("run", TestData.BadInput("hostile-chart.ipynb"), "-o", executed, "--html", html);

        Assert.True(run.Exit == 0, run.Output + run.Error);
        var output = JsonNode.Parse(File.ReadAllText(executed))!["cells"]![0]!["outputs"]![0]!["data"]!["text/html"]!;
        var chartHtml = output is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)output;
        Assert.Single(Regex.Matches(chartHtml!, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<script>document.title", File.ReadAllText(html));
    }

    private static Task<(int Exit, string Output, string Error)> RunAll(string notebooks, params string[] more) => RunAllIn(TestData.Scratch(), notebooks, more);

    private static Task<(int Exit, string Output, string Error)> RunAllIn(string root, string notebooks, params string[] more)
    {
        var extracts = TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        return CliRunner.RunAsync(["run-all", "--extracts", extracts, "--out", Path.Combine(root, "out"), "--notebooks", TestData.BadInput(notebooks), "--parallel", "2", .. more]);
    }
}
