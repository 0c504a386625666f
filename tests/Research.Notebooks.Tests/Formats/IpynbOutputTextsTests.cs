using System.Text.Json.Nodes;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Formats;

/// <summary>
/// Saving a running notebook after every cell with each output's text kept: every save byte for byte the notebook's
/// own text, while outputs are added, replaced (display updates) and cleared.
/// </summary>
public class IpynbOutputTextsTests
{
    [Theory]
    [InlineData("vscode-polyglot.ipynb")]
    [InlineData("jupyter-minor4.ipynb")]
    [InlineData("python-notebook.ipynb")]
    [InlineData("minor2-unknown-fields.ipynb")]
    public void Saves_with_kept_texts_equal_saves_without(string name)
    {
        var notebook = IpynbFormat.Read(Fixtures.Text(name));
        var texts = new IpynbOutputTexts();

        Assert.Equal(IpynbFormat.Write(notebook), Written(notebook, texts));
        Assert.Equal(IpynbFormat.Write(notebook), Written(notebook, texts));
    }

    [Fact]
    public void Outputs_added_replaced_and_cleared_between_saves_are_written_as_they_are_now()
    {
        var notebook = IpynbFormat.Read(Fixtures.Text("jupyter-minor4.ipynb"));
        var code = notebook.Cells.Where(c => c.Type == CellType.Code).ToList();
        var texts = new IpynbOutputTexts();
        void Check() => Assert.Equal(IpynbFormat.Write(notebook), Written(notebook, texts));

        Check();
        var figure = JsonNode.Parse("""{"data":[{"type":"bar","x":["a","b"],"y":[1.5,2e-7]}],"layout":{"title":{"text":"\"quoted\" \u00e9\n"}}}""")!;
        code[0].Outputs.Add(new DisplayDataOutput(new MimeBundle().SetJson(MimeBundle.PlotlyJson, figure).Set(MimeBundle.Html, "<div>\n  one\n</div>").Set(MimeBundle.PlainText, "figure")));
        code[0].Outputs.Add(new StreamOutput(StreamOutput.Stdout, "line 1\nline 2\n"));
        Check();

        // A display update replaces the output; the text saved before must not be reused for it.
        code[0].Outputs[0] = new DisplayDataOutput(new MimeBundle().Set(MimeBundle.PlainText, "updated")) { Metadata = new JsonObject { ["isolated"] = true } };
        code[0].Outputs.Add(new ErrorOutput("System.Exception", "boom", ["at cell 1", "\u001b[31mred\u001b[0m"]));
        code[^1].Outputs.Add(new ExecuteResultOutput(new MimeBundle().Set(MimeBundle.PlainText, "42"), 3));
        Check();

        code[0].Outputs.Clear();
        code[^1].Metadata["tags"] = new JsonArray("parameters");
        Check();
    }

    [Fact]
    public void An_output_written_before_is_not_serialized_again()
    {
        var notebook = IpynbFormat.Read(Fixtures.Text("python-notebook.ipynb"));
        var bundle = new MimeBundle().Set(MimeBundle.PlainText, "first");
        notebook.Cells.First(c => c.Type == CellType.Code).Outputs.Add(new DisplayDataOutput(bundle));
        var texts = new IpynbOutputTexts();
        Written(notebook, texts);

        // Against the contract (an output is never changed in place), only to show the kept text is what is written.
        bundle.Set(MimeBundle.PlainText, "changed in place");

        Assert.Contains("\"first\"", Written(notebook, texts), StringComparison.Ordinal);
        Assert.Contains("\"changed in place\"", IpynbFormat.Write(notebook), StringComparison.Ordinal);
    }

    private static string Written(Notebook notebook, IpynbOutputTexts texts)
    {
        using var writer = new StringWriter();
        IpynbFormat.Write(notebook, writer, texts);
        return writer.ToString();
    }
}
