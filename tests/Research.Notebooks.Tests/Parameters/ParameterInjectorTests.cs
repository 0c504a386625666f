using System.Text.Json.Nodes;
using Research.Notebooks.Parameters;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Parameters;

public class ParameterInjectorTests
{
    private const string Defaults = """
        int n = 100;
        var alpha = 0.05;
        var verbose = false;
        string region = "Utrecht";
        var start = new DateOnly(2024, 1, 1);
        var arms = new[] { "control", "treated" };
        long seed = 1L;
        """;

    private static Notebook WithParametersCell(params string[] after)
    {
        var notebook = Runs.CSharp(new[] { "var before = 1;", Defaults }.Concat(after).ToArray());
        notebook.Cells[1].Metadata["tags"] = new JsonArray("parameters");
        return notebook;
    }

    private static List<KeyValuePair<string, string>> Values(params (string Name, string Value)[] values) =>
        values.Select(v => KeyValuePair.Create(v.Name, v.Value)).ToList();

    [Fact]
    public async Task Values_are_injected_after_the_parameters_cell_typed_by_their_defaults()
    {
        var notebook = WithParametersCell("$\"{n} {alpha} {verbose} {region} {start:yyyy-MM-dd} {string.Join('|', arms)} {seed}\"");
        ParameterInjector.Inject(notebook, Values(("n", "7"), ("alpha", "0.1"), ("verbose", "true"), ("region", "Zuid \"Holland\""), ("start", "2024-02-29"), ("arms", "a, b"), ("seed", "9000000000")));

        var injected = notebook.Cells[2];
        Assert.Equal(new[] { "injected-parameters" }, injected.Tags);
        Assert.Equal(
            "// Parameters\nint n = 7;\ndouble alpha = 0.1;\nbool verbose = true;\nstring region = \"Zuid \\\"Holland\\\"\";\nDateOnly start = new DateOnly(2024, 2, 29);\nstring[] arms = new string[] { \"a\", \"b\" };\nlong seed = 9000000000L;",
            injected.Source);
        Assert.Equal(7, notebook.Metadata["papermill"]!["parameters"]!["n"]!.GetValue<int>());

        var (_, result) = await Runs.RunAsync(notebook);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("7 0.1 True Zuid \"Holland\" 2024-02-29 a|b 9000000000", Runs.Plain(notebook.Cells[3].Outputs.Single()).Replace("0,1", "0.1"));
    }

    [Fact]
    public void String_arrays_accept_a_json_array()
    {
        var notebook = WithParametersCell();
        ParameterInjector.Inject(notebook, Values(("arms", "[\"a,b\", \"c\"]")));

        Assert.EndsWith("string[] arms = new string[] { \"a,b\", \"c\" };", notebook.Cells[2].Source);
    }

    [Fact]
    public void A_second_injection_replaces_the_first_injected_cell()
    {
        var notebook = WithParametersCell();
        ParameterInjector.Inject(notebook, Values(("n", "1")));
        ParameterInjector.Inject(notebook, Values(("n", "2")));

        Assert.Equal(1, notebook.Cells.Count(c => c.HasTag("injected-parameters")));
        Assert.Equal("// Parameters\nint n = 2;", notebook.Cells[2].Source);
    }

    [Theory]
    [InlineData("m", "1", "unknown parameter 'm'; the 'parameters' cell declares: n, alpha, verbose, region, start, arms, seed.")]
    [InlineData("n", "1.5", "parameter 'n' expects an integer (int), got '1.5'.")]
    [InlineData("alpha", "0,05", "parameter 'alpha' expects a finite number")]
    [InlineData("verbose", "yes", "parameter 'verbose' expects true or false, got 'yes'.")]
    [InlineData("start", "29-02-2024", "parameter 'start' expects a date as yyyy-MM-dd")]
    public void Unknown_names_and_bad_values_are_rejected_with_what_was_expected(string name, string value, string message)
    {
        var error = Assert.Throws<NotebookParameterException>(() => ParameterInjector.Inject(WithParametersCell(), Values((name, value))));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_without_a_parameters_cell_rejects_parameters()
    {
        var error = Assert.Throws<NotebookParameterException>(() => ParameterInjector.Inject(Runs.CSharp("var n = 1;"), Values(("n", "2"))));

        Assert.Contains("no cell tagged 'parameters'", error.Message);
    }

    [Fact]
    public void Defaults_of_unsupported_types_say_so()
    {
        var notebook = Runs.CSharp("var items = new List<int>();");
        notebook.Cells[0].Metadata["tags"] = new JsonArray("parameters");

        var error = Assert.Throws<NotebookParameterException>(() => ParameterInjector.Inject(notebook, Values(("items", "1"))));
        Assert.Contains("cannot be set from the command line", error.Message);
    }
}
