using System.Text.Json.Nodes;
using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.Pipeline;

/// <summary>
/// Issue 15: a warm worker gives a finished report's memory back to the system before its next report, and runs with
/// the tool's GC settings. At national scale an idle worker kept its last report's heap (3.3 GB) while the synthesis
/// ran in the other worker, and that was run-all's peak; the reports' fragmented large-object heaps made the rest.
/// </summary>
public sealed class WorkerMemoryTests
{
    private const int HoardMegabytes = 800;

    [Fact]
    public async Task A_worker_returns_the_memory_of_its_last_report_before_the_next_and_conserves_memory()
    {
        var root = TestData.Scratch();
        var measured = Path.Combine(root, "tilburg-resident-megabytes.txt");
        var conserve = Path.Combine(root, "tilburg-conserve-memory.txt");
        // Deventer's report fills 800 MB and lets go of it; Tilburg's, next in the same worker, records how much memory
        // its process holds at its end.
        var source = "if (municipality == \"deventer\")\n{\n"
            + $"    var hoard = new List<byte[]>();\n    for (var i = 0; i < {HoardMegabytes}; i++) {{ var block = new byte[1 << 20]; Array.Fill(block, (byte)1); hoard.Add(block); }}\n"
            + "}\n"
            + "if (municipality == \"tilburg\")\n{\n"
            + "    var resident = File.ReadLines(\"/proc/self/status\").Single(l => l.StartsWith(\"VmRSS:\", StringComparison.Ordinal));\n"
            + $"    File.WriteAllText({JsonValue.Create(measured).ToJsonString()}, (long.Parse(resident.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).ToString());\n"
            + $"    File.WriteAllText({JsonValue.Create(conserve).ToJsonString()}, GC.GetConfigurationVariables()[\"GCConserveMem\"].ToString());\n"
            + "}";
        var extracts = TestData.ThreeMunicipalities(Path.Combine(root, "extracts"));

        var run = await CliRunner.RunAsync(["run-all", "--extracts", extracts, "--out", Path.Combine(root, "out"), "--notebooks", TestData.StandInNotebooksEndingWith(root, "memory", source), "--parallel", "1"]);

        Assert.True(run.Exit == 0, run.Output + run.Error);
        var outDir = Path.Combine(root, "out");
        Assert.Equal(TestData.WorkerOf(outDir, "deventer"), TestData.WorkerOf(outDir, "tilburg"));
        var resident = int.Parse(File.ReadAllText(measured), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(resident < HoardMegabytes / 2, $"the worker held {resident} MB at the end of Tilburg's report, after Deventer's {HoardMegabytes} MB were garbage");
        // The tool's runtime configuration reaches the workers: the GC compacts a fragmented large-object heap.
        Assert.Equal("7", File.ReadAllText(conserve));
    }
}
