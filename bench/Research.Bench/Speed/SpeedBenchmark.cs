using System.Diagnostics;
using System.Globalization;
using Research.Bench.Notebooks;

namespace Research.Bench.Speed;

/// <summary>
/// Issue 15's table: <c>run-all --force</c> (wall and CPU seconds of all processes), one municipal report under
/// <c>research run</c>, a cached <c>run-all</c>, <c>verify</c>, and with <c>--national</c> a national-scale extract
/// (<c>synth --scale 115.7</c>, then <c>run-all</c>: wall and the peak memory of all processes together; three rounds
/// unless <c>--national-runs</c> says otherwise, each from a fresh extract). Each round
/// runs the peer beside it: <c>jupyter nbconvert --execute</c> of a pandas/statsmodels notebook doing comparable work on
/// the same extract (<c>bench/peers/speed/municipal_report.ipynb</c>), once for one report and once per municipality,
/// as many at a time as run-all runs. papermill is used too when <c>/usr/bin/python3 -m papermill</c> works. Medians.
/// </summary>
public sealed class SpeedBenchmark : IBenchmark
{
    private const string Nbconvert = "/usr/bin/jupyter-nbconvert";
    private static readonly string[] Municipalities = ["deventer", "groningen", "nijmegen", "tilburg", "utrecht", "wageningen"];

    /// <inheritdoc />
    public string Name => "speed";

    /// <inheritdoc />
    public string Description => "issue 15: run-all --force, one report, cached run-all, verify (and --national) beside nbconvert/papermill (--research PATH [--runs N] [--extracts DIR] [--parallel N] [--national [--national-runs N, default 3]])";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var research = Arguments.Value(args, "--research") ?? Environment.GetEnvironmentVariable("RESEARCH_BIN");
        if (research is null || !File.Exists(research))
        {
            Console.Error.WriteLine("usage: speed --research PATH/research(.dll) [--runs N] [--extracts DIR] [--parallel N] [--national [--national-runs N]]");
            return 2;
        }

        // The peer runs beside every round: a machine without it is told what to install before anything is timed.
        if (!File.Exists(Nbconvert) || ChildProcessTimer.RunMany([ChildProcessTimer.Start("/usr/bin/python3", "-c", "import ipykernel, pandas, statsmodels")], 1).ExitCode != 0)
        {
            Console.Error.WriteLine("the peer (jupyter nbconvert --execute of a pandas/statsmodels notebook) is not installed:");
            Console.Error.WriteLine("  apt-get install --no-install-recommends jupyter-nbconvert python3-ipykernel python3-pandas python3-statsmodels");
            return 2;
        }

        var runs = int.Parse(Arguments.Value(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var parallel = int.Parse(Arguments.Value(args, "--parallel") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("speed-bench-").FullName;
        var tool = new Tool(research);
        var extracts = Arguments.Value(args, "--extracts") ?? Path.Combine(work, "extracts");
        if (!File.Exists(Path.Combine(extracts, "participants.csv")))
        {
            Check("synth", ChildProcessTimer.RunMany([tool.Start("synth", "--out", extracts)], 1));
        }

        var root = Repository.Root();
        var notebook = Path.Combine(root, "notebooks", "municipal-report.ipynb");
        var peer = Path.Combine(root, "bench", "peers", "speed", "municipal_report.ipynb");
        var papermill = PapermillWorks();
        var table = new Table();
        var outDir = Path.Combine(work, "out");
        var single = Directory.CreateDirectory(Path.Combine(work, "single", "reports")).Parent!.FullName;
        for (var round = 0; round < runs; round++)
        {
            table.Add("run-all --force", "research", Check("run-all --force", ChildProcessTimer.RunMany(
                [tool.Start("run-all", "--extracts", extracts, "--out", outDir, "--force", "--parallel", Text(parallel))], 1)));
            table.Add("run-all --force", "nbconvert", Check("nbconvert x6", ChildProcessTimer.RunMany(
                Municipalities.Select(m => NbconvertStart(peer, work, m, extracts)).ToList(), parallel)));
            if (papermill)
            {
                table.Add("run-all --force", "papermill", Check("papermill x6", ChildProcessTimer.RunMany(
                    Municipalities.Select(m => PapermillStart(peer, work, m, extracts)).ToList(), parallel)));
            }

            table.Add("one report (research run)", "research", Check("run", ChildProcessTimer.RunMany(
                [tool.Start("run", notebook, "-p", "municipality=utrecht", "-p", $"extracts={extracts}", "--cwd", single,
                    "-o", Path.Combine(single, "utrecht.ipynb"), "--html", Path.Combine(single, "utrecht.html"))], 1)));
            table.Add("one report (research run)", "nbconvert", Check("nbconvert", ChildProcessTimer.RunMany([NbconvertStart(peer, work, "utrecht", extracts)], 1)));
            if (papermill)
            {
                table.Add("one report (research run)", "papermill", Check("papermill", ChildProcessTimer.RunMany([PapermillStart(peer, work, "utrecht", extracts)], 1)));
            }

            table.Add("cached run-all", "research", Check("cached run-all", ChildProcessTimer.RunMany(
                [tool.Start("run-all", "--extracts", extracts, "--out", outDir, "--parallel", Text(parallel))], 1)));
            var scratch = Path.Combine(work, $"verify-{round}");
            table.Add("verify", "research", Check("verify", ChildProcessTimer.RunMany(
                [tool.Start("verify", outDir, "--scratch", scratch, "--parallel", Text(parallel))], 1)));
            Directory.Delete(scratch, recursive: true);
        }

        // Each national round is the issue's measure from the start: a fresh extract, then the first run-all on it (its
        // validation, cache write and every notebook), so no round finds anything an earlier one left.
        var nationalRuns = args.Contains("--national") ? int.Parse(Arguments.Value(args, "--national-runs") ?? "3", CultureInfo.InvariantCulture) : 0;
        for (var round = 0; round < nationalRuns; round++)
        {
            var national = Path.Combine(work, "national");
            var nationalOut = Path.Combine(work, "national-out");
            var synth = Check("synth --scale 115.7", ChildProcessTimer.RunMany([tool.Start("synth", "--out", national, "--scale", "115.7")], 1));
            table.Add("national: synth --scale 115.7", "research", synth, ChildProcessTimer.LastPeakBytes);
            var runAll = Check("national run-all", ChildProcessTimer.RunMany(
                [tool.Start("run-all", "--extracts", national, "--out", nationalOut, "--parallel", Text(parallel))], 1));
            table.Add("national: run-all", "research", runAll, ChildProcessTimer.LastPeakBytes);
            Directory.Delete(national, recursive: true);
            Directory.Delete(nationalOut, recursive: true);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed: {runs} run(s) of each, interleaved with the peers, {nationalRuns} national round(s); --parallel {parallel}; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores"));
        table.Print();
        Console.WriteLine("  goals: run-all --force <= 10 s wall and <= 20 CPU-s; one report <= 2.5 s; cached run-all <= 1 s; verify <= run-all --force;");
        Console.WriteLine("         national run-all <= 60 s wall and <= 6 GB peak of all processes together");
        Console.WriteLine("  peers: nbconvert runs bench/peers/speed/municipal_report.ipynb (pandas + statsmodels, caseworker-clustered OLS per outcome,");
        Console.WriteLine("         horizon and arm) once per municipality; it has no cache and no verify, so those rows have no peer.");
        if (!papermill)
        {
            Console.WriteLine("         papermill: unavailable (/usr/bin/python3 -m papermill fails: it is not installed here).");
        }

        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) Check(string what, (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) run) =>
        run.ExitCode == 0 ? run : throw new BenchmarkFailedException($"{what} failed ({run.ExitCode}): {run.Stderr}");

    private static ProcessStartInfo NbconvertStart(string notebook, string work, string municipality, string extracts)
    {
        var start = ChildProcessTimer.Start(Nbconvert, "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
            "--output-dir", work, "--output", $"peer-{municipality}", notebook);
        start.Environment["MUNICIPALITY"] = municipality;
        start.Environment["EXTRACTS"] = extracts;
        start.Environment["OUTPUT"] = Path.Combine(work, $"peer-{municipality}.results.json");
        return start;
    }

    private static ProcessStartInfo PapermillStart(string notebook, string work, string municipality, string extracts) =>
        ChildProcessTimer.Start("/usr/bin/python3", "-m", "papermill", notebook, Path.Combine(work, $"papermill-{municipality}.ipynb"),
            "-p", "municipality", municipality, "-p", "extracts", extracts, "-p", "output", Path.Combine(work, $"papermill-{municipality}.results.json"));

    private static bool PapermillWorks()
    {
        var check = ChildProcessTimer.RunMany([ChildProcessTimer.Start("/usr/bin/python3", "-m", "papermill", "--version")], 1);
        return check.ExitCode == 0;
    }

    /// <summary>How to start the research tool: an apphost directly, a <c>.dll</c> under <c>dotnet</c>.</summary>
    private sealed class Tool(string path)
    {
        public ProcessStartInfo Start(params string[] arguments) => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? ChildProcessTimer.Start("dotnet", [path, .. arguments])
            : ChildProcessTimer.Start(path, arguments);
    }

    /// <summary>The samples per row and tool, printed as medians side by side.</summary>
    private sealed class Table
    {
        private readonly List<(string Row, string Tool, double Wall, double Cpu, long Peak)> _samples = [];

        public void Add(string row, string tool, (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) run, long peak = 0) =>
            _samples.Add((row, tool, run.Wall.TotalSeconds, run.Cpu.TotalSeconds, peak));

        public void Print()
        {
            Console.WriteLine($"  {"run",-32} {"tool",-10} {"wall s (median)",16} {"CPU s (median)",15} {"peak MB",9}  runs");
            foreach (var group in _samples.GroupBy(s => (s.Row, s.Tool)))
            {
                var list = group.ToList();
                var peak = list.Max(s => s.Peak);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {group.Key.Row,-32} {group.Key.Tool,-10} {list.Select(s => s.Wall).Median(),16:F2} {list.Select(s => s.Cpu).Median(),15:F2} {(peak > 0 ? (peak / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "-"),9}  {list.Count}"));
            }
        }
    }
}
