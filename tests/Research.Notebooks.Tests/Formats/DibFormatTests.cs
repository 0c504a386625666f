using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Formats;

public class DibFormatTests
{
    private const string Canonical = """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp","languageName":"C#","aliases":["c#","C#"]},{"name":"fsharp","languageName":"F#","aliases":["f#","F#"]}]}}

        #!markdown

        # Title

        #!csharp

        #!time
        var x = 1;
        x + 1

        #!fsharp

        let y = 2

        """;

    [Fact]
    public void Canonical_file_parses_into_kernel_cells_and_writes_back_byte_for_byte()
    {
        var text = Canonical.ReplaceLineEndings("\n");
        var notebook = DibFormat.Parse(text);

        Assert.Equal(new[] { "markdown", "csharp", "fsharp" }, notebook.Cells.Select(c => c.KernelName));
        Assert.Equal(CellType.Markdown, notebook.Cells[0].Type);
        Assert.Equal("#!time\nvar x = 1;\nx + 1", notebook.Cells[1].Source);
        Assert.Equal("csharp", notebook.DefaultKernelName);
        Assert.Equal(text, DibFormat.Write(notebook));
    }

    [Fact]
    public void Real_world_file_round_trips_parse_write_parse_identically()
    {
        var first = DibFormat.Parse(Fixtures.Text("polyglot.dib"));
        var second = DibFormat.Parse(DibFormat.Write(first));

        Assert.Equal(first.Cells.Select(c => (c.KernelName, c.Source, c.Type)), second.Cells.Select(c => (c.KernelName, c.Source, c.Type)));
        Assert.Equal(first.Metadata.ToJsonString(), second.Metadata.ToJsonString());
    }

    [Fact]
    public void Selectors_resolve_aliases_and_only_exact_lines_split_cells()
    {
        var notebook = DibFormat.Parse(Fixtures.Text("polyglot.dib"));
        var kernels = notebook.Cells.Select(c => c.KernelName).ToList();

        // "#!c#" is an alias of csharp; "#!value --from-value ..." and "#!fsharp " (trailing space) are not selectors.
        Assert.Equal(new[] { "markdown", "csharp", "csharp", "value", "fsharp", "html" }, kernels);
        Assert.Equal("#!value --from-value @input:wat --name value_from_input", notebook.Cells[3].Source);
        Assert.Equal("#!fsharp \nlet y = 2", notebook.Cells[4].Source);
    }

    [Fact]
    public void Only_zero_length_lines_are_trimmed_and_interior_blank_lines_are_kept()
    {
        var notebook = DibFormat.Parse(Fixtures.Text("polyglot.dib"));

        Assert.Equal("using System.Security.Cryptography;\n   \nvar x = 1;\n\n\nx + 1", notebook.Cells[2].Source);
    }

    [Fact]
    public void Crlf_is_normalized_and_a_bom_is_accepted()
    {
        var notebook = DibFormat.Parse("\uFEFF#!csharp\r\n\r\nvar a = 1;\r\nvar b = 2;\r\n");

        Assert.Equal("var a = 1;\nvar b = 2;", Assert.Single(notebook.Cells).Source);
    }

    [Fact]
    public void Empty_file_is_one_empty_csharp_cell_and_empty_cells_are_dropped()
    {
        Assert.Equal(("csharp", string.Empty), DibFormat.Parse(string.Empty).Cells.Select(c => (c.KernelName, c.Source)).Single());
        Assert.Equal(new[] { "csharp" }, DibFormat.Parse("#!fsharp\n\n#!csharp\n\n1\n").Cells.Select(c => c.KernelName));
    }

    [Fact]
    public void Meta_json_is_consumed_even_at_the_end_and_empty_meta_reads_as_an_empty_object()
    {
        var trailing = DibFormat.Parse("var a = 1;\n#!meta\n\n{\"kernelInfo\":{\"items\":[]}}\n");
        Assert.Equal("var a = 1;", Assert.Single(trailing.Cells).Source);
        Assert.True(trailing.Metadata.ContainsKey("kernelInfo"));

        var empty = DibFormat.Parse("#!meta\n");
        Assert.Empty(empty.Metadata);
    }

    [Fact]
    public void Kernels_declared_in_meta_become_selectors()
    {
        var notebook = DibFormat.Parse("#!meta\n\n{\"kernelInfo\":{\"items\":[{\"name\":\"sql-adventureworks\",\"aliases\":[\"aw\"]}]}}\n\n#!aw\n\nselect 1\n");

        Assert.Equal("sql-adventureworks", Assert.Single(notebook.Cells).KernelName);
    }

    [Fact]
    public void Invalid_meta_json_is_reported_clearly()
    {
        var error = Assert.Throws<NotebookFormatException>(() => DibFormat.Parse("#!meta\n\n{not json\n\n#!csharp\n\n1\n"));

        Assert.Contains("#!meta", error.Message);
    }
}
