using System.Diagnostics;
using System.Globalization;
using Research.Cli.Tests.Support;
using Research.Pipeline.Files;

namespace Research.Cli.Tests.BadInputs;

/// <summary>Issue 14, findings 10 and 11: two runs into one directory, and children that outlived a killed run-all.</summary>
public sealed class ConcurrencyAndKillTests
{
    /// <summary>Finding 10: the first run exited 0 with the second's outputs, or crashed.</summary>
    [Fact]
    public async Task Finding_10_a_second_run_into_a_directory_in_use_is_refused_with_a_clear_message()
    {
        var root = await RecordedRun.CopyAsync();
        var outDir = Path.Combine(root, "out");
        var before = File.ReadAllBytes(Path.Combine(outDir, "reports", "utrecht.results.json"));

        (int Exit, string Output, string Error) runAll, verify;
        using (OutputLock.Acquire(outDir))
        {
            runAll = await CliRunner.RunAsync("run-all", "--extracts", Path.Combine(root, "extracts"), "--out", outDir, "--notebooks", Path.Combine(root, "notebooks"), "--force");
            verify = await CliRunner.RunAsync("verify", outDir);
        }

        CliRunner.AssertOneLineFailure(runAll, 1, $"research run-all: {outDir} is in use by another run (process {Environment.ProcessId}, since ");
        CliRunner.AssertOneLineFailure(verify, 1, "is in use by another run");
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(outDir, "reports", "utrecht.results.json")));
    }

    /// <summary>Finding 11: after kill -9 of run-all its report processes kept running and wrote reports with no cache entry.</summary>
    [Fact]
    public async Task Finding_11_report_processes_die_with_a_killed_run_all()
    {
        var root = TestData.Scratch();
        var extracts = TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        var outDir = Path.Combine(root, "out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(ResearchCommand).Assembly.Location, "run-all", "--extracts", extracts, "--out", outDir, "--notebooks", TestData.BadInput("sleeper"), "--parallel", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        using var runAll = Process.Start(start)!;
        var children = new List<int>();
        try
        {
            // Both reports are running once two children exist and have had time to reach the sleeping cell.
            for (var i = 0; i < 300 && children.Count < 2; i++)
            {
                await Task.Delay(100);
                children = ChildrenOf(runAll.Id);
            }

            Assert.Equal(2, children.Count);
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.All(children, c => Assert.True(IsAlive(c), $"child {c} ended before run-all was killed"));

            Process.Start("kill", ["-9", runAll.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (children.Any(IsAlive) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.All(children, c => Assert.False(IsAlive(c), $"child {c} outlived the killed run-all"));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(outDir, "reports"), "*.results.json"));
        }
        finally
        {
            foreach (var child in children.Where(IsAlive))
            {
                Process.GetProcessById(child).Kill();
            }
        }
    }

    private static List<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(n => n!.All(char.IsAsciiDigit))
            .Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)
            .ToList();

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
