using System.Globalization;
using System.Text.Json.Nodes;
using Research.Cli.Tests.Support;
using Research.Notebooks;

namespace Research.Cli.Tests.Run;

/// <summary>
/// <c>research run</c> as a user meets it, including the endings a test host cannot survive (run in a child
/// process): a cell ending the process, <c>FailFast</c> and a stack overflow still leave a valid executed notebook.
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task A_cell_calling_Environment_Exit_fails_the_run_and_the_notebook_is_written()
    {
        var (input, output) = Notebook("Console.WriteLine(\"first\");", "Environment.Exit(0);", "Console.WriteLine(\"never\");");

        var run = await CliRunner.RunAsync("run", input, "-o", output);

        Assert.Equal(1, run.Exit);
        Assert.Contains("cell 2, line 1: line 1, column 1: Environment.Exit would end the notebook host", run.Error);
        var cells = Cells(output);
        Assert.Equal("first\n", Text(cells[0]["outputs"]![0]!));
        Assert.Equal("ProcessExitNotAllowed", cells[1]["outputs"]![0]!["ename"]!.GetValue<string>());
        Assert.Empty(cells[2]["outputs"]!.AsArray());
    }

    [Fact]
    public void Reaching_Environment_Exit_at_run_time_still_fails_the_run_with_the_error_on_its_cell()
    {
        // Reflection gets past the compile-time refusal; the session's process-exit handler is the safety net.
        var (input, output) = Notebook(
            "Console.WriteLine(\"first\");",
            "Console.WriteLine(\"leaving\");\ntypeof(Environment).GetMethod(\"Exit\")!.Invoke(null, new object[] { 0 });",
            "Console.WriteLine(\"never\");");
        var html = Path.ChangeExtension(output, ".html");

        var run = ChildProcess.Research(null, "run", input, "-o", output, "--html", html);

        Assert.True(run.Exit == 1, run.Output + run.Error);
        Assert.Contains("cell 2: the process began to exit (exit code 0) while this cell was running: the cell called Environment.Exit", run.Error);
        Assert.Null(ChildProcess.NbformatProblem(output));
        var cells = Cells(output);
        Assert.Equal("first\n", Text(cells[0]["outputs"]![0]!));
        Assert.Equal(new[] { "stream", "error" }, cells[1]["outputs"]!.AsArray().Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("leaving\n", Text(cells[1]["outputs"]![0]!));
        Assert.Equal("failed", cells[1]["metadata"]!["papermill"]!["status"]!.GetValue<string>());
        Assert.Equal(2, cells[1]["execution_count"]!.GetValue<int>());
        Assert.Contains("the cell called Environment.Exit", File.ReadAllText(html));
    }

    [Theory]
    [InlineData("typeof(Environment).GetMethod(\"FailFast\", new[] { typeof(string) })!.Invoke(null, new object[] { \"boom\" });")]
    [InlineData("int Down(int n) => Down(n + 1) + 1;\nDown(0);")]
    public void A_crash_that_kills_the_process_leaves_a_valid_notebook_with_the_cells_before_it(string crash)
    {
        var (input, output) = Notebook("Console.WriteLine(\"one\");", "Console.WriteLine(\"two\");", crash, "Console.WriteLine(\"never\");");

        // The second run loads its cells from the compiled-cell cache: cells of a millisecond, whose saves must still
        // all happen (the first, cold save once took longer than a tenth of such a run and the next was skipped).
        ChildProcess.Research(null, "run", input, "-o", output);
        var run = ChildProcess.Research(null, "run", input, "-o", output);

        Assert.NotEqual(0, run.Exit);
        Assert.Null(ChildProcess.NbformatProblem(output));
        var cells = Cells(output);
        Assert.Equal(("one\n", "two\n"), (Text(cells[0]["outputs"]![0]!), Text(cells[1]["outputs"]![0]!)));
        Assert.Equal("pending", cells[2]["metadata"]!["papermill"]!["status"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }

    [Fact]
    public void Timing_is_recorded_in_the_conventions_jupyter_tools_read_under_a_dutch_locale()
    {
        var (input, output) = Notebook("System.Threading.Thread.Sleep(20);\n1.5");

        var run = ChildProcess.Research(new Dictionary<string, string> { ["LANG"] = "nl_NL.UTF-8", ["LC_ALL"] = "nl_NL.UTF-8" }, "run", input, "-o", output);

        Assert.True(run.Exit == 0, run.Error);
        Assert.Null(ChildProcess.NbformatProblem(output));
        var notebook = JsonNode.Parse(File.ReadAllText(output))!;
        var cell = notebook["cells"]![0]!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", cell["metadata"]!["execution"]!["shell.execute_reply"]!.GetValue<string>());
        Assert.InRange(cell["metadata"]!["papermill"]!["duration"]!.GetValue<double>(), 0.02, 60);
        Assert.Equal("1.5", Text(cell["outputs"]![0]!));
        var papermill = notebook["metadata"]!["papermill"]!;
        Assert.Equal((Path.GetFileName(input), Path.GetFileName(output)), (papermill["input_path"]!.GetValue<string>(), papermill["output_path"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", papermill["end_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_timing_gives_byte_identical_notebooks_and_the_output_cap_is_an_option()
    {
        var (input, output) = Notebook("Console.Write(new string('x', 5000));", "42");
        var again = Path.ChangeExtension(output, ".again.ipynb");

        var first = await CliRunner.RunAsync("run", input, "-o", output, "--no-timing", "--max-output-bytes", "1000");
        var second = await CliRunner.RunAsync("run", input, "-o", again, "--no-timing", "--max-output-bytes", "1000");
        var bad = await CliRunner.RunAsync("run", input, "--max-output-bytes", "0");

        Assert.Equal((0, 0, 2), (first.Exit, second.Exit, bad.Exit));
        Assert.Contains("--max-output-bytes must be at least 1", bad.Error);
        Assert.Equal(File.ReadAllText(output), File.ReadAllText(again));
        Assert.DoesNotContain("_time", File.ReadAllText(output), StringComparison.Ordinal);
        var outputs = Cells(output)[0]["outputs"]!.AsArray();
        Assert.Equal(new string('x', 1000), Text(outputs[0]!));
        Assert.Contains("output truncated", Text(outputs[1]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_input_is_replaced_only_with_in_place_and_then_keeps_every_cell()
    {
        var (input, _) = Notebook("var a = 1;", "a + 1");
        var before = File.ReadAllText(input);

        var refused = await CliRunner.RunAsync("run", input, "-o", input);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("add --in-place to overwrite it", refused.Error);
        Assert.Equal(before, File.ReadAllText(input));

        var replaced = await CliRunner.RunAsync("run", input, "-o", input, "--in-place");
        Assert.Equal(0, replaced.Exit);
        Assert.Equal(new[] { "var a = 1;", "a + 1" }, Cells(input).Select(c => Multiline(c["source"]!)));
        Assert.Equal("2", Text(Cells(input)[1]["outputs"]![0]!));
    }

    [Fact]
    public void Memory_stays_flat_over_two_thousand_cells()
    {
        // Each cell keeps a variable, as notebooks do. The notebook measures itself, in its own process: managed heap
        // and working set at cell 200 and at the end. Before the engine stopped re-adding every reference to every
        // submission, each cell cost about 4.5 MB of working set and the managed heap grew quadratically.
        const int cells = 2_000;
        const int first = 200;
        var sources = Enumerable.Range(1, cells).Select(i => i switch
        {
            first => "var heapAt = GC.GetTotalMemory(true);\nvar setAt = Environment.WorkingSet;",
            cells => $"Console.WriteLine($\"{{(GC.GetTotalMemory(true) - heapAt) / {cells - first}}} {{(Environment.WorkingSet - setAt) / {cells - first}}}\");",
            _ => string.Create(CultureInfo.InvariantCulture, $"var x{i} = {i};\nx{i}"),
        }).ToArray();
        var (input, output) = Notebook(sources);

        var run = ChildProcess.Research(null, "run", input, "-o", output, "--no-timing");

        Assert.True(run.Exit == 0, run.Error);
        var perCell = Text(Cells(output)[cells - 1]["outputs"]![0]!).Split(' ').Select(long.Parse).ToArray();
        Assert.True(perCell[0] < 150_000, $"managed heap grew {perCell[0]} bytes per cell");
        Assert.True(perCell[1] < 400_000, $"working set grew {perCell[1]} bytes per cell");
    }

    private static (string Input, string Output) Notebook(params string[] cells)
    {
        var directory = Path.Combine(Path.GetTempPath(), "research-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var notebook = new Notebook();
        notebook.Cells.AddRange(cells.Select(c => new NotebookCell(CellType.Code, c, "csharp")));
        var input = Path.Combine(directory, "cells.ipynb");
        NotebookFile.Save(notebook, input);
        return (input, Path.Combine(directory, "cells.executed.ipynb"));
    }

    private static List<JsonNode> Cells(string notebook) => JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray().Select(c => c!).ToList();

    private static string Text(JsonNode output) => Multiline(output["text"] ?? output["data"]!["text/plain"]!);

    // nbformat text: one string, or a list of lines.
    private static string Multiline(JsonNode text) =>
        text is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : text.GetValue<string>();
}
