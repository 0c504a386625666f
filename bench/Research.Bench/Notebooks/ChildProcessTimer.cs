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

    public static (TimeSpan Wall, TimeSpan Cpu, int ExitCode, string Stderr) Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var before = ChildrenCpu();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        _ = stdout.Result;
        return (watch.Elapsed, ChildrenCpu() - before, process.ExitCode, stderr.Result);
    }

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
