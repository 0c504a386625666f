using System.Globalization;
using Research.Data;
using Research.Notebooks.Execution;
using Research.Synthetic;

namespace Research.Notebooks.Sql.Tests;

/// <summary>
/// <c>#!sql</c> cells run through the notebook engine as <c>research run</c> runs them: DuckDB queries the extract cache's
/// views, the result is a DataFrame shown by the formatters, and <c>#!share</c> hands it to C#.
/// </summary>
public sealed class SqlCellTests
{
    private static readonly Lazy<string> Extracts = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "research-tests", "sql-" + Environment.ProcessId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = 7, Scale = 0.05 });
        var (extract, report) = Extract.Read(directory, writeCache: true);
        Assert.True(report.IsValid);
        Assert.StartsWith("wrote the extract cache", extract!.CacheNote, StringComparison.Ordinal);
        return directory;
    });

    [Fact]
    public async Task A_sql_cell_counts_what_the_typed_extract_holds_and_shares_the_frame_with_csharp()
    {
        var extract = Extract.Load(Extracts.Value);
        var (notebook, result) = await RunAsync($$"""
            #!csharp
            var extracts = "{{Extracts.Value}}";

            #!sql
            #!set --name extracts --value @csharp:extracts
            --name per_municipality
            SELECT p.municipality, count(DISTINCT p.person_id) AS persons, count(*) AS months
            FROM participants p JOIN register_months r USING (person_id)
            GROUP BY p.municipality ORDER BY p.municipality

            #!csharp
            #!share --from sql per_municipality
            Console.WriteLine($"{per_municipality.GetType().Name} {per_municipality.Rows.Count} {per_municipality.Columns["months"].Cast<long?>().Sum()}");

            #!sql
            SELECT count(*) AS rows, count(DISTINCT person_id) AS people FROM survey_responses
            """);
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Message)));
        var municipalities = extract.RegisterMonths!.Strings("person_id").Levels.Count > 0 ? extract.Participants!.Strings("municipality").Levels.Count : 0;
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"DataFrame {municipalities} {extract.RegisterMonths!.RowCount}\n"), Text(notebook.Cells[2]));
        var shown = notebook.Cells[1].Outputs.OfType<ExecuteResultOutput>().Single().Data;
        Assert.True(shown.Contains(MimeBundle.Html));
        Assert.Contains("persons", shown.GetText(MimeBundle.Html), StringComparison.Ordinal);
        var survey = notebook.Cells[3].Outputs.OfType<ExecuteResultOutput>().Single().Data.GetText(MimeBundle.Html)!;
        Assert.Contains(extract.SurveyResponses!.RowCount.ToString(CultureInfo.InvariantCulture), survey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_extracts_variable_or_with_bad_sql_the_cell_fails_with_the_reason()
    {
        var (_, unset) = await RunAsync("""
            #!sql
            SELECT 1
            """);
        Assert.Contains("#!set --name extracts", Assert.Single(unset.Failures).Message, StringComparison.Ordinal);
        var (_, bad) = await RunAsync($$"""
            #!csharp
            var extracts = "{{Extracts.Value}}";

            #!sql
            #!set --name extracts --value @csharp:extracts
            SELECT no_such_column FROM participants
            """);
        Assert.Contains("no_such_column", Assert.Single(bad.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extract_whose_cache_is_stale_is_not_queried()
    {
        var copy = Path.Combine(Path.GetTempPath(), "research-tests", "sql-stale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Extracts.Value))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        Extract.Read(copy, writeCache: true);
        File.AppendAllText(Path.Combine(copy, "truth.json"), " ");
        var (_, result) = await RunAsync($$"""
            #!csharp
            var extracts = "{{copy}}";

            #!sql
            #!set --name extracts --value @csharp:extracts
            SELECT count(*) FROM participants
            """);
        Assert.Contains("truth.json changed", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    private static async Task<(Notebook Notebook, NotebookRunResult Result)> RunAsync(string dib)
    {
        var notebook = DibFormat.Parse("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"csharp\"},{\"name\":\"sql\"}]}}\n\n" + dib);
        var options = new NotebookHostOptions { RecordTiming = false };
        options.KernelFactories.Add((_, directory) => new SqlKernel(directory));
        var result = await new NotebookRunner(options).RunAsync(notebook, Path.GetTempPath());
        return (notebook, result);
    }

    private static string Text(NotebookCell cell) => string.Concat(cell.Outputs.OfType<StreamOutput>().Select(s => s.Text));
}
