using System.Text.Json.Nodes;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Reports;

public class ExecutedNotebookValidationTests(ShowcaseRun run) : IClassFixture<ShowcaseRun>
{
    // Strict: warnings (e.g. MissingIDFieldWarning) are errors; nbformat >= 5.5 validates without repairing.
    private const string Validate = """
        import json, sys, warnings
        import nbformat
        warnings.simplefilter("error")
        with open(sys.argv[1], encoding="utf-8") as f:
            nb = json.load(f)
        nbformat.validate(nb)
        assert all("id" in c for c in nb["cells"]), "a cell has no id"
        print("valid", nb["nbformat"], nb["nbformat_minor"], len(nb["cells"]))
        """;

    [Fact]
    public void Showcase_ran_with_exactly_the_deliberate_failure()
    {
        var failure = Assert.Single(run.Result.Failures);
        Assert.Equal((8, 1), (failure.CellNumber, failure.Line));
    }

    [Fact]
    public void Executed_notebook_passes_the_official_nbformat_validator()
    {
        var path = run.Save("validated.ipynb", IpynbFormat.Write(run.Notebook));

        var (exitCode, stdout, stderr) = ExternalTool.Python(Validate, path);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("valid 4 5 8", stdout.Trim());
    }

    [Fact]
    public void The_validation_check_rejects_a_notebook_with_a_missing_id()
    {
        var json = IpynbFormat.ToJson(run.Notebook);
        ((JsonObject)json["cells"]![0]!).Remove("id");
        var path = run.Save("invalid.ipynb", NbformatJsonWriter.Write(json));

        var (exitCode, _, stderr) = ExternalTool.Python(Validate, path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("id", stderr);
    }

    [Fact]
    public void Every_rich_output_also_has_plain_text_and_results_carry_the_execution_count()
    {
        var outputs = run.Notebook.Cells.SelectMany(c => c.Outputs.Select(o => (Cell: c, Output: o))).ToList();

        Assert.All(outputs.Select(p => p.Output).OfType<DisplayDataOutput>(), d => Assert.True(d.Data.Contains(MimeBundle.PlainText)));
        Assert.All(outputs.Where(p => p.Output is ExecuteResultOutput), p => Assert.Equal(p.Cell.ExecutionCount, ((ExecuteResultOutput)p.Output).ExecutionCount));
        Assert.Contains(outputs, p => p.Output is DisplayDataOutput d && d.Data.Contains(MimeBundle.PlotlyJson) == false && d.Data.GetText(MimeBundle.Html)!.Contains("<th>arm</th>", StringComparison.Ordinal));
        Assert.Contains(outputs, p => p.Output is ExecuteResultOutput r && r.Data.Contains(MimeBundle.PlotlyJson));
        Assert.Contains(outputs, p => p.Output is StreamOutput { Name: "stderr" });
    }

    [Fact]
    public void Executed_notebook_json_is_nbformat_style_with_metadata_for_polyglot_tools()
    {
        var text = IpynbFormat.Write(run.Notebook);
        var json = JsonNode.Parse(text)!;

        Assert.EndsWith("}\n", text);
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",", text);
        Assert.Equal(".net-csharp", json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![1]!["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
    }

    [Fact]
    public void Executed_notebook_renders_with_jupyter_nbconvert()
    {
        var path = run.Save("nbconvert.ipynb", IpynbFormat.Write(run.Notebook));

        var (exitCode, _, stderr) = ExternalTool.Run(
            "/usr/bin/jupyter-nbconvert", "jupyter-nbconvert", new[] { "--to", "html", "--output-dir", run.Directory, path });

        Assert.True(exitCode == 0, stderr);
        var html = File.ReadAllText(Path.Combine(run.Directory, "nbconvert.html"));
        Assert.Contains("deliberate failure", html);
        Assert.Contains("to stdout", html);
    }
}
