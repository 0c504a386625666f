using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Research.Notebooks.Kernels;

namespace Research.Bench.Notebooks;

/// <summary>
/// What making cells interruptible costs: the time to instrument a cell (parse and edit) against the time Roslyn takes
/// to compile it, over the report notebooks' own cells; and the run time of loop- and call-heavy code with and
/// without the inserted checks, compiled as the C# kernel compiles cells (debug code; <c>--optimized-cells</c> compiles
/// them optimized instead, to show what that would change). Medians of several runs.
/// </summary>
public sealed class InterruptChecksBenchmark : IBenchmark
{
    private static readonly CSharpParseOptions ScriptParse = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static readonly (string Name, string Code)[] Workloads =
    {
        ("tight loop, 2e8 iterations", "long s = 0; for (long i = 0; i < 200_000_000; i++) { s += i; } s"),
        ("nested loops, 3,000 x 30,000", "long s = 0; for (var i = 0; i < 3_000; i++) { for (var j = 0; j < 30_000; j++) { s += i ^ j; } } s"),
        ("recursion, fib(35)", "long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2); Fib(35)"),
        ("block lambda in LINQ, 2e7 calls", "Enumerable.Range(0, 20_000_000).Select(i => { return (long)i * 2; }).Sum()"),
    };

    /// <inheritdoc />
    public string Name => "interrupt-checks";

    /// <inheritdoc />
    public string Description => "cost of the interrupt checks inserted into C# cells: instrumenting vs compiling, run time with vs without [--runs N] [--optimized-cells]";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var runs = int.Parse(Arguments.Value(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var options = ScriptOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8).AddImports("System", "System.Linq")
            .AddReferences(typeof(Research.Notebooks.Execution.CellInterrupt).Assembly).WithOptimizationLevel(args.Contains("--optimized-cells") ? OptimizationLevel.Release : OptimizationLevel.Debug);

        var cells = ReportCells();

        // As in the kernel: each cell continues a chain whose first submission brought the references.
        var chain = CSharpScript.Create(string.Empty, options);
        chain.Compile();
        var continuation = options.WithReferences(Array.Empty<MetadataReference>()).WithImports(Array.Empty<string>());
        var instrument = new List<double>();
        var compile = new List<double>();
        for (var round = 0; round < runs; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var cell in cells)
            {
                _ = InterruptChecks.Insert(cell, ScriptParse).Code;
            }

            instrument.Add(watch.Elapsed.TotalMilliseconds / cells.Count);
            watch.Restart();
            foreach (var cell in cells)
            {
                // Binding only (errors are expected: the cells need the project libraries and earlier cells).
                chain.ContinueWith(cell, continuation).GetCompilation().GetDiagnostics();
            }

            compile.Add(watch.Elapsed.TotalMilliseconds / cells.Count);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"interrupt-checks: {cells.Count} report cells, {runs} runs; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  instrument a cell (parse + edit)  {instrument.Median(),8:F3} ms   vs Roslyn binding a cell {compile.Median(),8:F1} ms"));
        Console.WriteLine("                                      plain        checked      overhead");
        foreach (var (name, code) in Workloads)
        {
            var plain = Compile(code, options);
            var checkedRun = Compile(InterruptChecks.Insert(code, ScriptParse).Code, options);
            var plainTimes = new List<double>();
            var checkedTimes = new List<double>();
            for (var round = 0; round < runs; round++)
            {
                plainTimes.Add(Time(plain));
                checkedTimes.Add(Time(checkedRun));
            }

            var (p, c) = (plainTimes.Median(), checkedTimes.Median());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} {p,8:F0} ms  {c,8:F0} ms  {(c / p) - 1,9:P1}"));
        }

        return 0;
    }

    private static ScriptRunner<object> Compile(string code, ScriptOptions options)
    {
        var script = CSharpScript.Create(code, options);
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? script.CreateDelegate() : throw new InvalidOperationException(string.Join("\n", errors));
    }

    private static double Time(ScriptRunner<object> run)
    {
        var watch = Stopwatch.StartNew();
        _ = run().GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static List<string> ReportCells()
    {
        return Directory.GetFiles(Path.Combine(Repository.Root(), "notebooks"), "*.ipynb")
            .SelectMany(path => JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray())
            .Where(cell => cell!["cell_type"]!.GetValue<string>() == "code")
            .Select(cell => cell!["source"] is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : cell["source"]!.GetValue<string>())
            .ToList();
    }
}
