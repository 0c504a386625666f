using System.Globalization;
using System.Text.Json.Nodes;

namespace Research.Bench.Notebooks;

/// <summary>
/// Many trivial cells, as a long exploratory notebook has: <c>research run</c> on N C# cells against
/// <c>jupyter nbconvert --execute</c> on N Python cells (each keeps a variable: <c>xK = K</c>). Prints wall time, time
/// per cell and the peak resident memory of the largest process (<c>/usr/bin/time</c>: for nbconvert, the larger of
/// nbconvert and its kernel). The engine's memory per cell is what the flat-memory work is about.
/// </summary>
public sealed class NotebookCellsBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "notebook-cells";

    /// <inheritdoc />
    public string Description => "N trivial cells: research run vs jupyter nbconvert --execute, time per cell and peak memory (--research PATH [--cells N])";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var research = Arguments.Value(args, "--research") ?? Environment.GetEnvironmentVariable("RESEARCH_BIN");
        if (research is null || !File.Exists(research) || !File.Exists("/usr/bin/time") || !File.Exists("/usr/bin/jupyter-nbconvert"))
        {
            Console.Error.WriteLine("usage: notebook-cells --research PATH/research [--cells N]  (needs /usr/bin/time and jupyter-nbconvert)");
            return 2;
        }

        var cells = int.Parse(Arguments.Value(args, "--cells") ?? "1000", CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("nb-cells-").FullName;
        var csharp = Write(Path.Combine(work, "csharp.ipynb"), cells, ".net-csharp", "C#", i => $"var x{i} = {i};\nx{i}");
        var python = Write(Path.Combine(work, "python.ipynb"), cells, "python3", "python", i => $"x{i} = {i}\nx{i}");

        var ours = Measure(work, research, "run", csharp, "-o", Path.Combine(work, "csharp.out.ipynb"), "--no-timing");
        var theirs = Measure(work, "/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute", "--output-dir", work, "--output", "python.out", python);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebook-cells: {cells} cells; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine("                      wall        per cell    peak RSS");
        foreach (var (name, (wall, rss)) in new[] { ("research run", ours), ("nbconvert --execute", theirs) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-19} {wall,8:F1} s {wall * 1000 / cells,8:F1} ms {rss / 1024.0,8:F0} MiB"));
        }

        return 0;
    }

    private static (double Seconds, long PeakKib) Measure(string work, string executable, params string[] arguments)
    {
        var peak = Path.Combine(work, "peak.txt");
        var run = ChildProcessTimer.Run("/usr/bin/time", new[] { "-f", "%M", "-o", peak, executable }.Concat(arguments).ToArray());
        if (run.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"{executable} failed ({run.ExitCode}): {run.Stderr}");
        }

        return (run.Wall.TotalSeconds, long.Parse(File.ReadAllText(peak).Trim(), CultureInfo.InvariantCulture));
    }

    private static string Write(string path, int cells, string kernel, string language, Func<int, string> source)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = kernel, ["display_name"] = kernel, ["language"] = language } },
            ["cells"] = new JsonArray(Enumerable.Range(1, cells).Select(i => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"c{i}"),
                ["metadata"] = new JsonObject(),
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
                ["source"] = source(i),
            }).ToArray()),
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
