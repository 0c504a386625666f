using System.Text.Json.Nodes;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Formats;

public class IpynbFormatTests
{
    [Theory]
    [InlineData("vscode-polyglot.ipynb")]
    [InlineData("jupyter-minor4.ipynb")]
    [InlineData("python-notebook.ipynb")]
    public void Files_written_by_nbformat_round_trip_byte_for_byte(string name)
    {
        var text = Fixtures.Text(name);

        Assert.Equal(text, IpynbFormat.Write(IpynbFormat.Read(text)));
    }

    [Fact]
    public void Unknown_fields_at_every_level_are_kept()
    {
        var original = JsonNode.Parse(Fixtures.Text("minor2-unknown-fields.ipynb"))!;
        var notebook = IpynbFormat.Read(original.ToJsonString());
        var written = JsonNode.Parse(IpynbFormat.Write(notebook))!;

        Assert.Equal(2, written["nbformat_minor"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(original["x_custom_top_level"], written["x_custom_top_level"]));
        Assert.True(JsonNode.DeepEquals(original["metadata"], written["metadata"]));
        Assert.True(JsonNode.DeepEquals(original["cells"]![0]!["attachments"], written["cells"]![0]!["attachments"]));
        Assert.True(JsonNode.DeepEquals(original["cells"]![1]!["outputs"], written["cells"]![1]!["outputs"]));
        Assert.True(JsonNode.DeepEquals(original["cells"]![2]!["metadata"], written["cells"]![2]!["metadata"]));
        Assert.Null(written["cells"]![0]!["id"]);

        // String sources are read whole and written as nbformat's line arrays.
        Assert.Equal("#!fsharp\nlet x = 1", notebook.Cells[1].Source);
        Assert.Equal(new JsonArray("#!fsharp\n", "let x = 1").ToJsonString(), written["cells"]![1]!["source"]!.ToJsonString());
    }

    [Fact]
    public void Cell_kernels_come_from_metadata_then_leading_selector_then_document_default()
    {
        var vscode = IpynbFormat.Read(Fixtures.Text("vscode-polyglot.ipynb"));
        Assert.Equal(new[] { "markdown", "csharp", "fsharp", "csharp" }, vscode.Cells.Select(c => c.KernelName));
        Assert.Equal("#!fsharp\nlet y = 2", vscode.Cells[2].Source);

        var legacy = IpynbFormat.Read(Fixtures.Text("minor2-unknown-fields.ipynb"));
        Assert.Equal("fsharp", legacy.DefaultKernelName);
        Assert.Equal(new[] { "markdown", "fsharp", null }, legacy.Cells.Select(c => c.KernelName));

        var python = IpynbFormat.Read(Fixtures.Text("python-notebook.ipynb"));
        Assert.Equal("python", python.Cells[0].KernelName);
    }

    [Fact]
    public void Outputs_of_every_type_are_read_with_json_mime_types_kept_as_json()
    {
        var notebook = IpynbFormat.Read(Fixtures.Text("jupyter-minor4.ipynb"));
        var outputs = notebook.Cells[1].Outputs;

        var result = Assert.IsType<ExecuteResultOutput>(outputs[0]);
        Assert.Equal(("42", 1), (result.Data.GetText(MimeBundle.PlainText), result.ExecutionCount));
        var display = Assert.IsType<DisplayDataOutput>(outputs[1]);
        Assert.IsType<JsonObject>(display.Data.GetNode("application/json"));
        Assert.Equal("light", display.Metadata["needs_background"]!.GetValue<string>());
        Assert.Equal(new StreamOutput("stderr", "warn 1\nwarn 2\n"), outputs[2]);
        var error = Assert.IsType<ErrorOutput>(notebook.Cells[2].Outputs.Single());
        Assert.Equal(2, error.Traceback.Count);
    }

    [Theory]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": []}", "nbformat 3")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "'cells'")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"sql\"}]}", "cell 1")]
    [InlineData("[1, 2", "not valid JSON")]
    public void Malformed_notebooks_are_reported_with_what_was_wrong(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Read(json));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Dib_converted_to_ipynb_keeps_kernel_info_in_the_vscode_shape()
    {
        var notebook = DibFormat.Parse(Fixtures.Text("polyglot.dib"));
        PolyglotMetadata.EnsureJupyterMetadata(notebook.Metadata, notebook.DefaultKernelName);

        var written = JsonNode.Parse(IpynbFormat.Write(notebook))!;
        Assert.Equal(".net-csharp", written["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(5, written["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["items"]!.AsArray().Count);
        Assert.Equal("markdown", written["cells"]![0]!["cell_type"]!.GetValue<string>());
    }
}
