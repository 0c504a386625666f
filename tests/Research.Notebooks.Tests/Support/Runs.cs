using Research.Notebooks.Execution;

namespace Research.Notebooks.Tests.Support;

/// <summary>Builds in-memory notebooks of C# cells and runs them.</summary>
internal static class Runs
{
    public static Notebook CSharp(params string[] cells)
    {
        var notebook = new Notebook();
        notebook.Cells.AddRange(cells.Select(c => new NotebookCell(CellType.Code, c, "csharp")));
        return notebook;
    }

    public static async Task<(Notebook Notebook, NotebookRunResult Result)> RunAsync(
        Notebook notebook, NotebookHostOptions? options = null, string? directory = null, CancellationToken cancellationToken = default)
    {
        var runner = new NotebookRunner(options ?? new NotebookHostOptions());
        var result = await runner.RunAsync(notebook, directory, null, cancellationToken);
        return (notebook, result);
    }

    public static Task<(Notebook Notebook, NotebookRunResult Result)> RunCSharpAsync(params string[] cells) => RunAsync(CSharp(cells));

    public static string Plain(CellOutput output) => output switch
    {
        ExecuteResultOutput r => r.Data.GetText(MimeBundle.PlainText)!,
        DisplayDataOutput d => d.Data.GetText(MimeBundle.PlainText)!,
        StreamOutput s => s.Text,
        ErrorOutput e => e.Value,
        _ => throw new ArgumentException(output.ToString()),
    };
}
