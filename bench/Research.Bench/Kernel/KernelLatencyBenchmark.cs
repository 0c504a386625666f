using System.Diagnostics;
using System.Globalization;

namespace Research.Bench.Kernel;

/// <summary>
/// The research Jupyter kernel against ipykernel in the same run, as jupyter_client sees them
/// (bench/peers/kernel_latency.py): start to the first <c>kernel_info_reply</c> (goal ≤ 1 s), the round trip of a
/// trivial cell (goal ≤ 30 ms) and completion latency (goal ≤ 100 ms). The research kernelspec is installed into a
/// scratch prefix by the given <c>research</c>, so the figures are that build's.
/// </summary>
public sealed class KernelLatencyBenchmark : IBenchmark
{
    private static readonly (string Key, string Label, double Goal)[] Figures =
    [
        ("start_to_kernel_info_ms", "start to kernel_info_reply (ms)", 1000),
        ("trivial_cell_round_trip_ms", "trivial cell round trip (ms)", 30),
        ("completion_ms", "completion (ms)", 100),
    ];

    /// <inheritdoc />
    public string Name => "kernel-latency";

    /// <inheritdoc />
    public string Description => "research kernel vs ipykernel: start to kernel_info, trivial cell, completion (--research PATH [--starts N])";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var research = Arguments.Value(args, "--research") ?? Environment.GetEnvironmentVariable("RESEARCH_BIN");
        if (research is null || !File.Exists(research))
        {
            Console.Error.WriteLine("usage: kernel-latency --research PATH/research [--starts N]");
            Console.Error.WriteLine("  e.g. dotnet publish lib/Research.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/research-r2r");
            return 2;
        }

        var starts = Arguments.Value(args, "--starts") ?? "3";
        var prefix = Directory.CreateTempSubdirectory("kernel-bench-").FullName;
        try
        {
            Install(research, prefix);
            // The peer script and the kernels it starts find the scratch kernelspec through JUPYTER_PATH.
            Environment.SetEnvironmentVariable("JUPYTER_PATH", Path.Combine(prefix, "share", "jupyter"));
            Environment.SetEnvironmentVariable("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            var ours = PythonPeer.Run("kernel_latency.py", ".net-csharp", "1 + 1", "Console.Wr", "--starts", starts);
            var peer = PythonPeer.Run("kernel_latency.py", "python3", "1 + 1", "import os; os.pa", "--starts", starts);
            if (ours is null || peer is null)
            {
                return 1;
            }

            Console.WriteLine($"{"median",-34} {"research",10} {"ipykernel",10} {"goal",8}");
            foreach (var (key, label, goal) in Figures)
            {
                var a = ours.Value.GetProperty(key).GetDouble();
                var b = peer.Value.GetProperty(key).GetDouble();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-34} {a,10:0.0} {b,10:0.0} {goal,8:0}{(a <= goal ? string.Empty : "  (over goal)")}"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    private static void Install(string research, string prefix)
    {
        var start = research.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", [research, "kernel", "install", "--prefix", prefix])
            : new ProcessStartInfo(research, ["kernel", "install", "--prefix", prefix]);
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {research}");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"research kernel install failed ({process.ExitCode})");
        }
    }
}
