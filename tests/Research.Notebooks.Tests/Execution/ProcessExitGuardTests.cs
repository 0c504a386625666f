using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class ProcessExitGuardTests
{
    [Theory]
    [InlineData("Environment.Exit(0);", "Environment.Exit", 1)]
    [InlineData("using static System.Environment;\nExit(3);", "Environment.Exit", 1)]
    [InlineData("using E = System.Environment;\nvar a = 1; E.FailFast(\"x\");", "Environment.FailFast", 12)]
    [InlineData("Action<int> quit = Environment.Exit;", "Environment.Exit", 20)]
    [InlineData("while (true) { if (DateTime.Now.Year > 0) Environment.Exit(1); }", "Environment.Exit", 43)]
    public async Task A_cell_that_would_end_the_process_fails_without_running(string cell, string method, int column)
    {
        var (notebook, result) = await Runs.RunCSharpAsync("Console.WriteLine(\"still here\");", cell);

        var error = Assert.IsType<ErrorOutput>(notebook.Cells[1].Outputs.Single());
        var line = cell.Split('\n').Length;
        Assert.Equal("ProcessExitNotAllowed", error.Name);
        Assert.Equal($"line {line}, column {column}: {method} would end the notebook host, so a cell may not call it; throw an exception to stop the notebook.", error.Value);
        Assert.Equal((2, line), (result.Failures.Single().CellNumber, result.Failures.Single().Line));
    }

    [Fact]
    public async Task Other_methods_named_exit_are_fine()
    {
        var (notebook, result) = await Runs.RunCSharpAsync("static class Door { public static string Exit(int n) => \"left \" + n; }\nDoor.Exit(1)");

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("left 1", Runs.Plain(notebook.Cells[0].Outputs.Single()));
    }
}
