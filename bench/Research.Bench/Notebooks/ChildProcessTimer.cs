using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Research.Bench.Notebooks;

/// <summary>
/// Runs a command to completion and measures its wall time and the CPU time of it and all its descendants
/// (getrusage RUSAGE_CHILDREN), which stays meaningful when other work shares the machine.
/// </summary>
internal static class ChildProcessTimer
{
    private const int RusageChildren = -1;

    public static (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) Run(string executable, params string[] arguments) =>
        RunMany([Start(executable, arguments)], 1);

    /// <summary>How to start <paramref name="executable"/> with <paramref name="arguments"/>, its output captured.</summary>
    public static ProcessStartInfo Start(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// Runs the commands, <paramref name="parallel"/> at a time, and measures them together: the wall time until the last
    /// ends and the CPU time of all of them and their descendants; the exit code is the first non-zero one. While they
    /// run, the resident memory of this process's descendants is sampled; the peak sum is <see cref="LastPeakBytes"/>.
    /// </summary>
    public static (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) RunMany(IReadOnlyList<ProcessStartInfo> starts, int parallel)
    {
        var before = ChildrenCpu();
        var watch = Stopwatch.StartNew();
        using var sampler = new TreeMemorySampler(Environment.ProcessId);
        var results = new (int ExitCode, string Stderr)[starts.Count];
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            using var process = Process.Start(starts[i]) ?? throw new InvalidOperationException($"could not start {starts[i].FileName}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            // Both streams are read to their end before the process is disposed; a failed run's reasons may be on either
            // (run-all writes its own to standard output), so its last lines come too.
            var output = stdout.Result;
            results[i] = (process.ExitCode, process.ExitCode == 0 ? stderr.Result : stderr.Result + LastLines(output, 20));
        });
        watch.Stop();
        LastPeakBytes = sampler.PeakBytes;
        var failed = results.FirstOrDefault(r => r.ExitCode != 0);
        return (watch.Elapsed, ChildrenCpu() - before, failed.ExitCode, failed.Stderr ?? results[^1].Stderr);
    }

    private static string LastLines(string text, int count) =>
        string.Join('\n', text.TrimEnd().Split('\n').TakeLast(count));

    /// <summary>The peak resident memory of all descendants together during the last <see cref="RunMany"/>.</summary>
    public static long LastPeakBytes { get; private set; }

    private static TimeSpan ChildrenCpu()
    {
        if (GetRusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return Seconds(usage.UserTime) + Seconds(usage.SystemTime);
    }

    private static TimeSpan Seconds(TimeValue t) => TimeSpan.FromSeconds(t.Seconds + (t.Microseconds / 1e6));

    // DllImport rather than LibraryImport: the bench project does not allow unsafe code, and this is called twice per run.
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }
}
