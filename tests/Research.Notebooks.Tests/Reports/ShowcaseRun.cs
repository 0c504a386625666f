using Research.Notebooks.Execution;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Reports;

/// <summary>Runs Fixtures/Showcase.dib (every output type, one deliberate error) once per test class.</summary>
public sealed class ShowcaseRun : IAsyncLifetime
{
    public Notebook Notebook { get; private set; } = new();

    public NotebookRunResult Result { get; private set; } = new(Array.Empty<CellFailure>(), 0, false);

    /// <summary>
    /// The folder the showcase runs in, given explicitly: without one a run takes the process's current directory,
    /// which tests running sessions in parallel change, and tracebacks name the cell files in that folder.
    /// </summary>
    public static string NotebookDirectory => Path.GetDirectoryName(Fixtures.PathOf("Showcase.dib"))!;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("nb-showcase-").FullName;

    public async Task InitializeAsync()
    {
        Notebook = NotebookFile.Load(Fixtures.PathOf("Showcase.dib"));
        (_, Result) = await Runs.RunAsync(Notebook, new NotebookHostOptions { AllowErrors = true }, NotebookDirectory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public string Save(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
