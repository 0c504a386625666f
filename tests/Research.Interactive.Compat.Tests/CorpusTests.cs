using Research.Interactive.Compat.Tests.Support;
using Research.Notebooks;

namespace Research.Interactive.Compat.Tests;

/// <summary>
/// The project's corpus of notebooks in the .NET Interactive styles (Fixtures/Corpus), each run from its own format
/// and from the other one (a .dib written as .ipynb and back), against the recorded outputs in <c>NAME.expected.txt</c>.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string, string> Notebooks()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(CompatRuns.Corpus).Where(NotebookFile.IsSupported).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), "ipynb");
            data.Add(Path.GetFileName(file), "dib");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_corpus_notebook_runs_to_the_end_with_its_recorded_outputs(string file, string format)
    {
        var notebook = NotebookFile.Load(Path.Combine(CompatRuns.Corpus, file));
        notebook = format == "dib" ? DibFormat.Parse(DibFormat.Write(notebook)) : IpynbFormat.Read(IpynbFormat.Write(notebook));

        var (_, result) = await CompatRuns.RunAsync(notebook, CompatRuns.Options(CompatRuns.Answers));

        // To record new outputs after a deliberate change: RESEARCH_WRITE_EXPECTED=DIR, review, copy into Fixtures/Corpus.
        if (Environment.GetEnvironmentVariable("RESEARCH_WRITE_EXPECTED") is { Length: > 0 } directory)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, Path.GetFileNameWithoutExtension(file) + "." + format + ".expected.txt"), CompatRuns.Render(notebook));
        }

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var expected = await File.ReadAllTextAsync(Path.Combine(CompatRuns.Corpus, Path.GetFileNameWithoutExtension(file) + ".expected.txt"));
        Assert.Equal(expected.ReplaceLineEndings("\n"), CompatRuns.Render(notebook));
    }
}
