using System.Globalization;
using System.Text.RegularExpressions;

namespace Research.Bench.Notebooks;

/// <summary>
/// Start-up and per-cell overhead of <c>research run</c> against <c>jupyter nbconvert --execute</c> on equivalent
/// notebooks (bench/peers/notebooks): a 1-cell notebook (cold time to the first result, whole process) and a
/// 21-cell notebook; per-cell overhead is the difference divided by 20. Runs alternate between the two tools so
/// both see the same machine load; medians of wall and CPU time (process and descendants) are printed.
/// </summary>
public sealed partial class NotebookStartupBenchmark : IBenchmark
{
    private const int ExtraCells = 20;

    /// <inheritdoc />
    public string Name => "notebook-startup";

    /// <inheritdoc />
    public string Description => "research run vs jupyter nbconvert --execute: first result, per-cell overhead, whole run (--research PATH [--runs N])";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var research = Arguments.Value(args, "--research") ?? Environment.GetEnvironmentVariable("RESEARCH_BIN");
        if (research is null || !File.Exists(research))
        {
            Console.Error.WriteLine("usage: notebook-startup --research PATH/research [--runs N]");
            Console.Error.WriteLine("  publish the host first, e.g. dotnet publish lib/Research.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/research-r2r");
            return 2;
        }

        const string nbconvert = "/usr/bin/jupyter-nbconvert";
        if (!File.Exists(nbconvert))
        {
            Console.Error.WriteLine("jupyter-nbconvert is missing: apt-get install jupyter-nbconvert python3-ipykernel");
            return 2;
        }

        var runs = int.Parse(Arguments.Value(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var peers = Path.Combine(Repository.Root(), "bench", "peers", "notebooks");
        var work = Directory.CreateTempSubdirectory("nb-bench-").FullName;
        var samples = new Dictionary<string, List<(TimeSpan Wall, TimeSpan Cpu)>>();
        var firstCell = new List<double>();
        void Record(string key, (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) r)
        {
            if (r.ExitCode != 0)
            {
                throw new BenchmarkFailedException($"{key} failed ({r.ExitCode}): {r.Stderr}");
            }

            (samples.TryGetValue(key, out var list) ? list : samples[key] = new()).Add((r.Wall, r.Cpu));
        }

        // One untimed round fills the OS file cache for both tools; "cold" below means a new process, not a cold disk.
        for (var round = 0; round <= runs; round++)
        {
            var timed = round > 0;
            foreach (var cells in new[] { "1_cell", "21_cells" })
            {
                var ours = ChildProcessTimer.Run(research, "run", Path.Combine(peers, $"csharp_{cells}.ipynb"), "-o", Path.Combine(work, $"csharp_{cells}.out.ipynb"));
                var theirs = ChildProcessTimer.Run(nbconvert, "--to", "notebook", "--execute", "--output-dir", work, "--output", $"python_{cells}.out", Path.Combine(peers, $"python_{cells}.ipynb"));
                if (timed)
                {
                    Record($"research {cells}", ours);
                    Record($"nbconvert {cells}", theirs);
                    if (cells == "1_cell" && FirstCellTime().Match(ours.Stderr) is { Success: true } m)
                    {
                        firstCell.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebook-startup: {runs} runs each, interleaved; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores"));
        Console.WriteLine("                                 wall median   wall min    CPU median");
        foreach (var (key, list) in samples.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {key,-28} {Median(list.Select(s => s.Wall)),9:F0} ms {list.Min(s => s.Wall).TotalMilliseconds,8:F0} ms {Median(list.Select(s => s.Cpu)),9:F0} ms"));
        }

        var oursOne = Median(samples["research 1_cell"].Select(s => s.Wall));
        var oursAll = Median(samples["research 21_cells"].Select(s => s.Wall));
        var theirsOne = Median(samples["nbconvert 1_cell"].Select(s => s.Wall));
        var theirsAll = Median(samples["nbconvert 21_cells"].Select(s => s.Wall));
        var oursCpuOne = Median(samples["research 1_cell"].Select(s => s.Cpu));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first result (whole process, 1 cell)  research {oursOne:F0} ms wall / {oursCpuOne:F0} ms CPU   nbconvert {theirsOne:F0} ms   target <= 1200 ms"));
        if (firstCell.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first cell incl. engine warm-up       research {firstCell.Order().ElementAt(firstCell.Count / 2):F0} ms (from the progress line)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per-cell overhead (small cell)        research {(oursAll - oursOne) / ExtraCells:F1} ms   nbconvert {(theirsAll - theirsOne) / ExtraCells:F1} ms   target <= 50 ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole 21-cell run                     research {oursAll:F0} ms   nbconvert {theirsAll:F0} ms   ratio {oursAll / theirsAll:F2} (target <= 0.35)"));
        return 0;
    }

    private static double Median(IEnumerable<TimeSpan> values) => values.Select(v => v.TotalMilliseconds).Median();

    [GeneratedRegex(@"cell 1/1 ok \((\d+) ms\)")]
    private static partial Regex FirstCellTime();
}
