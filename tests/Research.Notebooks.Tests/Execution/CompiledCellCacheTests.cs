using Research.Notebooks.Execution;
using Research.Notebooks.Kernels;
using Research.Notebooks.Sessions;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public sealed class CompiledCellCacheTests : IDisposable
{
    private static readonly string[] Notebook =
    [
        "var x = 20;\nrecord Person(string Name, int Age);",
        "using System.Text.RegularExpressions;",
        "var p = new Person(\"Ans\", x + 1);\nRegex.IsMatch(p.Name, \"^A\") ? p.Age : -1",
        "display(HTML(\"<b>\" + p.Name + \"</b>\"));\nConsole.WriteLine(\"printed\");",
        "Console.Write(\"\")",
        "var before = x;\nthrow new InvalidOperationException(\"boom \" + before);",
        "x += 1;\nx",
        "#region not a reference\nvar z = x;\n#endregion\nz",
    ];

    private readonly string _cache = Directory.CreateTempSubdirectory("research-cells-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task A_notebook_run_again_loads_every_cell_and_shows_what_compiling_showed()
    {
        var (compiledRun, first) = await RunAsync(Notebook);
        var (loadedRun, second) = await RunAsync(Notebook);

        Assert.Equal((Notebook.Length + 1, 0), (first.CompiledSubmissions, first.LoadedSubmissions));
        Assert.Equal((0, Notebook.Length + 1), (second.CompiledSubmissions, second.LoadedSubmissions));
        Assert.Equal(compiledRun, loadedRun);
        Assert.Equal("21", compiledRun[2]);
        Assert.Equal("error boom 20 at line 2", compiledRun[5]);
        Assert.Equal("21", compiledRun[6]);
        Assert.Equal("21", compiledRun[7]);
    }

    [Fact]
    public async Task A_cell_after_a_changed_cell_is_compiled_again()
    {
        await RunAsync("var x = 1;", "x.GetType().Name + x");
        var (outputs, kernel) = await RunAsync("var x = \"a\";", "x.GetType().Name + x");

        Assert.Equal("Stringa", outputs[1]);
        Assert.Equal((2, 1), (kernel.CompiledSubmissions, kernel.LoadedSubmissions));
    }

    [Fact]
    public async Task A_new_cell_after_loaded_cells_sees_their_variables_and_types()
    {
        await RunAsync(Notebook[0], Notebook[1], Notebook[2]);
        var (outputs, kernel) = await RunAsync(Notebook[0], Notebook[1], Notebook[2], "new Person(\"Bram\", x).Age + p.Age + Regex.Escape(\".\")");

        Assert.Equal("41\\.", outputs[3]);
        Assert.Equal((1, 4), (kernel.CompiledSubmissions, kernel.LoadedSubmissions));
    }

    [Fact]
    public async Task A_damaged_entry_is_compiled_again_and_replaced()
    {
        var (expected, _) = await RunAsync(Notebook);
        var entries = Directory.GetFiles(_cache);
        Assert.Equal(Notebook.Length + 1, entries.Length);
        foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
        {
            var bytes = File.ReadAllBytes(entry);
            File.WriteAllBytes(entry, i % 2 == 0 ? bytes[..(bytes.Length / 2)] : [.. bytes[..^1], (byte)(bytes[^1] ^ 1)]);
        }

        var (outputs, damaged) = await RunAsync(Notebook);
        var (_, repaired) = await RunAsync(Notebook);

        Assert.Equal(expected, outputs);
        Assert.Equal(Notebook.Length + 1, damaged.CompiledSubmissions);
        Assert.Equal((0, Notebook.Length + 1), (repaired.CompiledSubmissions, repaired.LoadedSubmissions));
    }

    [Fact]
    public async Task A_notebook_run_in_another_directory_loads_the_same_cells_and_its_tracebacks_name_no_directory()
    {
        var elsewhere = Directory.CreateTempSubdirectory("research-notebook-").FullName;
        try
        {
            var (here, _) = await RunAsync(Notebook);
            // The session's directory without making it the process's (tests run side by side, and it is deleted below).
            var (there, kernel) = await RunAsync(options => options.SetWorkingDirectory = false, elsewhere, Notebook);

            Assert.Equal(here, there);
            Assert.Equal((0, Notebook.Length + 1), (kernel.CompiledSubmissions, kernel.LoadedSubmissions));
            using var session = Session(options => options.SetWorkingDirectory = false, elsewhere);
            await session.RunAsync(Notebook[0]);
            var (_, observer) = await session.RunAsync("var y = 1;\nthrow new InvalidOperationException(\"at \" + y);");
            var traceback = string.Join("\n", observer.Events.OfType<ErrorEvent>().Single().Traceback);
            Assert.Contains("cell-2.csx:line 2", traceback, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhere, traceback, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Two_sessions_of_one_process_load_the_same_cells_into_states_of_their_own()
    {
        await RunAsync("var n = 1;");
        using var one = Session();
        using var two = Session();
        await one.RunAsync("var n = 1;");
        await two.RunAsync("var n = 1;");

        await one.RunAsync("n = 5;");
        var (_, observer) = await two.RunAsync("n");

        Assert.Equal("1", Text(Assert.Single(observer.Events)));
        Assert.Equal((1, 2), (((CSharpKernel)two.Kernels.Find("csharp")!).CompiledSubmissions, ((CSharpKernel)two.Kernels.Find("csharp")!).LoadedSubmissions));
    }

    [Fact]
    public async Task Cells_that_name_files_are_compiled_every_time_and_so_is_what_follows_them()
    {
        var library = typeof(Xunit.Assert).Assembly.Location;
        string[] cells = ["var a = 1;", $"#r \"{library}\"\nvar b = 2;", "a + b"];
        await RunAsync(cells);
        var (outputs, kernel) = await RunAsync(cells);

        Assert.Equal("3", outputs[2]);
        Assert.Equal((2, 2), (kernel.CompiledSubmissions, kernel.LoadedSubmissions));
    }

    [Fact]
    public async Task Without_a_cache_directory_every_cell_is_compiled_and_nothing_is_written()
    {
        var (outputs, kernel) = await RunAsync(options => options.CompiledCellCacheDirectory = null, Notebook);
        var (_, again) = await RunAsync(options => options.CompiledCellCacheDirectory = null, Notebook);

        Assert.Equal("21", outputs[2]);
        Assert.Equal((Notebook.Length + 1, Notebook.Length + 1), (kernel.CompiledSubmissions, again.CompiledSubmissions));
        Assert.Empty(Directory.GetFiles(_cache));
    }

    [Fact]
    public void A_full_cache_keeps_the_entries_used_last()
    {
        var cache = new CompiledCellCache(_cache, maxEntries: 8, trims: false);
        var keys = Enumerable.Range(0, 12).Select(i => CompiledCellCache.Next([], $"cell {i}", "cell-1.csx")).ToList();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            cache.Store(key, new CompiledSubmission($"cell {i}", null, null, false, [], []));
            File.SetLastWriteTimeUtc(Directory.GetFiles(_cache).Single(f => f.Contains(Convert.ToHexStringLower(key), StringComparison.Ordinal)), new DateTime(2026, 1, 1, 0, 0, i, DateTimeKind.Utc));
        }

        Assert.Equal("cell 0", cache.TryLoad(keys[0])!.Code);
        cache.Trim();

        Assert.Equal(6, Directory.GetFiles(_cache, "*.submission").Length);
        Assert.Equal(new[] { 0, 7, 8, 9, 10, 11 }, keys.Select((k, i) => (k, i)).Where(p => cache.TryLoad(p.k) is not null).Select(p => p.i));
    }

    [Fact]
    public void A_trim_removes_temporary_files_left_by_a_killed_writer_and_keeps_one_being_written()
    {
        var cache = new CompiledCellCache(_cache, maxEntries: 8, trims: false);
        var key = CompiledCellCache.Next([], "cell", "cell-1.csx");
        cache.Store(key, new CompiledSubmission("cell", null, null, false, [], []));
        var entry = Directory.GetFiles(_cache).Single();
        var left = entry + ".0123456789abcdef0123456789abcdef.tmp";
        var writing = entry + ".fedcba9876543210fedcba9876543210.tmp";
        File.WriteAllBytes(left, [1, 2, 3]);
        File.WriteAllBytes(writing, [1, 2, 3]);
        File.SetLastWriteTimeUtc(left, DateTime.UtcNow.AddHours(-2));

        cache.Trim();

        Assert.False(File.Exists(left));
        Assert.True(File.Exists(writing));
        Assert.Equal("cell", cache.TryLoad(key)!.Code);
    }

    private Task<(List<string> Outputs, CSharpKernel Kernel)> RunAsync(params string[] cells) => RunAsync(null, null, cells);

    private Task<(List<string> Outputs, CSharpKernel Kernel)> RunAsync(Action<NotebookHostOptions>? configure, params string[] cells) => RunAsync(configure, null, cells);

    // Runs the cells in a new session (in `directory`, else the current one); each cell's outputs as one line of text.
    private async Task<(List<string> Outputs, CSharpKernel Kernel)> RunAsync(Action<NotebookHostOptions>? configure, string? directory, params string[] cells)
    {
        using var session = Session(configure, directory);
        var outputs = new List<string>();
        foreach (var cell in cells)
        {
            var (result, observer) = await session.RunAsync(cell);
            var text = string.Join(" | ", observer.Events.Select(Text));
            outputs.Add(result.Succeeded ? text : $"error {result.Failure!.Message} at line {result.Failure.Line}");
        }

        return (outputs, (CSharpKernel)session.Kernels.Find("csharp")!);
    }

    private NotebookSession Session(Action<NotebookHostOptions>? configure = null, string? directory = null) => TestSessions.Create(options =>
    {
        options.CompiledCellCacheDirectory = _cache;
        configure?.Invoke(options);
    }, directory);

    private static string Text(CellEvent cellEvent) => cellEvent switch
    {
        ExecuteResultEvent result => result.Data.GetText(MimeBundle.PlainText) ?? string.Empty,
        DisplayDataEvent display => display.Data.GetText(MimeBundle.Html) ?? string.Empty,
        StreamEvent stream => stream.Name + ":" + stream.Text,
        _ => cellEvent.GetType().Name,
    };
}
