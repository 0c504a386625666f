using Research.Notebooks.Execution;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class CSharpKernelTests
{
    [Fact]
    public async Task Variables_usings_and_types_carry_from_cell_to_cell()
    {
        var (notebook, result) = await Runs.RunCSharpAsync(
            "using System.Text.RegularExpressions;\nvar n = 20;",
            "record Person(string Name, int Age);\nvar p = new Person(\"Ans\", n + 1);",
            "Regex.IsMatch(p.Name, \"^A\") ? p.Age : -1");

        Assert.True(result.Succeeded);
        Assert.Equal("21", Runs.Plain(notebook.Cells[2].Outputs.Single()));
        Assert.Equal(new int?[] { 1, 2, 3 }, notebook.Cells.Select(c => c.ExecutionCount));
    }

    [Fact]
    public async Task Trailing_expression_is_an_execute_result_and_statements_or_void_calls_are_not()
    {
        var (notebook, _) = await Runs.RunCSharpAsync("1 + 1", "var x = 3;", "Console.Write(\"\")", "string s = null;\ns");

        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[0].Outputs));
        Assert.Equal(("2", 1), (result.Data.GetText(MimeBundle.PlainText), result.ExecutionCount));
        Assert.Empty(notebook.Cells[1].Outputs);
        Assert.Empty(notebook.Cells[2].Outputs);
        Assert.Equal("<null>", Runs.Plain(Assert.Single(notebook.Cells[3].Outputs)));
    }

    [Fact]
    public async Task Console_out_and_error_are_captured_per_cell_as_streams()
    {
        var (notebook, _) = await Runs.RunCSharpAsync(
            "Console.WriteLine(\"a\");\nConsole.Write(\"b\");\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"c\");",
            "Console.WriteLine(\"second\");");

        Assert.Equal(
            new CellOutput[] { new StreamOutput("stdout", "a\nb"), new StreamOutput("stderr", "oops\n"), new StreamOutput("stdout", "c\n") },
            notebook.Cells[0].Outputs);
        Assert.Equal(new StreamOutput("stdout", "second\n"), Assert.Single(notebook.Cells[1].Outputs));
    }

    [Fact]
    public async Task Display_helpers_produce_display_data_in_order()
    {
        var (notebook, _) = await Runs.RunCSharpAsync(
            "display(HTML(\"<b>bold</b>\"));\n\"text\".Display();\ndisplay(Markdown(\"*em*\"));\n42");

        var outputs = notebook.Cells[0].Outputs;
        Assert.Equal(4, outputs.Count);
        var html = Assert.IsType<DisplayDataOutput>(outputs[0]).Data;
        Assert.Equal(("<b>bold</b>", "<b>bold</b>"), (html.GetText(MimeBundle.Html), html.GetText(MimeBundle.PlainText)));
        Assert.Equal("text", Runs.Plain(outputs[1]));
        Assert.Equal("<p><em>em</em></p>\n", Assert.IsType<DisplayDataOutput>(outputs[2]).Data.GetText(MimeBundle.Html));
        Assert.IsType<ExecuteResultOutput>(outputs[3]);
    }

    [Fact]
    public async Task Runtime_exception_is_an_error_output_with_its_type_and_cell_line()
    {
        var (notebook, result) = await Runs.RunCSharpAsync(
            "var ok = 1;",
            "var a = 1;\nvar b = 2;\nthrow new InvalidOperationException(\"boom\");",
            "var never = 3;");

        var error = Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[1].Outputs));
        Assert.Equal(("System.InvalidOperationException", "boom"), (error.Name, error.Value));
        Assert.Contains(error.Traceback, l => l.Contains("System.InvalidOperationException: boom", StringComparison.Ordinal));
        Assert.Equal(new CellFailure(2, 3, "boom", CellFailureKind.Error), Assert.Single(result.Failures));
        Assert.True(result.Stopped);
        Assert.Null(notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task Exception_thrown_in_a_method_defined_in_an_earlier_cell_reports_the_failing_cells_line()
    {
        var (_, result) = await Runs.RunCSharpAsync(
            "int Divide(int a, int b) => a / b;",
            "var zero = 0;\n\nDivide(1, zero)");

        var failure = Assert.Single(result.Failures);
        Assert.Equal((2, 3), (failure.CellNumber, failure.Line));
    }

    [Fact]
    public async Task Compile_errors_report_line_and_column_within_the_cell()
    {
        var (notebook, result) = await Runs.RunCSharpAsync("#!time\nvar a = 1;\nvar b = a +* 2;\nundefinedName");

        var error = Assert.IsType<ErrorOutput>(notebook.Cells[0].Outputs.Single());
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("line 3, column 12: error CS0193", error.Value, StringComparison.Ordinal);
        Assert.Contains(error.Traceback, l => l.StartsWith("line 4, column 1: error CS0103", StringComparison.Ordinal));
        Assert.Equal(3, result.Failures.Single().Line);
    }

    [Fact]
    public async Task Allow_errors_keeps_running_and_the_state_survives_a_failed_cell()
    {
        var options = new Research.Notebooks.Execution.NotebookHostOptions { AllowErrors = true };
        var (notebook, result) = await Runs.RunAsync(Runs.CSharp("var x = 5;", "x +* 1", "throw new Exception(\"e\");", "x * 2"), options);

        Assert.Equal(2, result.Failures.Count);
        Assert.False(result.Stopped);
        Assert.Equal("10", Runs.Plain(notebook.Cells[3].Outputs.Single()));
    }

    [Fact]
    public async Task Default_usings_and_the_host_library_are_available_without_directives()
    {
        var (notebook, result) = await Runs.RunCSharpAsync(
            "var sb = new StringBuilder(\"x\");\nvar list = new List<int> { 3, 1, 2 };\nstring.Join(\",\", list.OrderBy(i => i)) + sb + typeof(Notebook).Name");

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("1,2,3xNotebook", Runs.Plain(notebook.Cells[0].Outputs.Single()));
    }

    [Fact]
    public async Task Configured_default_assemblies_and_usings_are_referenced_and_imported()
    {
        var options = new Research.Notebooks.Execution.NotebookHostOptions();
        options.DefaultAssemblies.Add(typeof(CSharpKernelTests).Assembly);
        options.DefaultUsings.Add("Research.Notebooks.Tests.Execution");
        var (notebook, result) = await Runs.RunAsync(Runs.CSharp("HostVisible.Answer"), options);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("42", Runs.Plain(notebook.Cells[0].Outputs.Single()));
    }

    [Fact]
    public async Task Culture_does_not_leak_into_number_formatting()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            var (notebook, _) = await Runs.RunCSharpAsync("1.5", "new[] { 0.25, 2.5 }");

            Assert.Equal("1.5", Runs.Plain(notebook.Cells[0].Outputs.Single()));
            Assert.Equal("[0.25, 2.5]", Runs.Plain(notebook.Cells[1].Outputs.Single()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}

/// <summary>A type only visible to cells through <c>NotebookHostOptions.DefaultAssemblies</c>.</summary>
public static class HostVisible
{
    /// <summary>The value the test reads.</summary>
    public const int Answer = 42;
}
