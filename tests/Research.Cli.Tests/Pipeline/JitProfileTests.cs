using System.Diagnostics;
using Research.Pipeline.Running;
using Research.Pipeline.Running.Workers;
using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.Pipeline;

/// <summary>
/// Issue 15: the real <c>research worker</c> and <c>research run</c> hand their JIT profiles to the runtime, which writes
/// them (the pool's side, with a stand-in worker, is in Research.Pipeline.Tests' <c>JitProfilesTests</c>).
/// </summary>
public sealed class JitProfileTests
{
    private static ChildCommand Tool => new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
        [typeof(Research.Cli.Commands.WorkerCommand).Assembly.Location]);

    [Fact]
    public void A_worker_counting_every_processor_leaves_the_profile_the_runtime_recorded()
    {
        var root = TestData.Scratch();
        var profiles = new JitProfiles(Path.Combine(root, "jit"), "build");

        // A warm worker runs a one-cell session (compiling the engine's methods) and ends when the pool lets it go.
        using (var pool = new WorkerPoolJobRunner(Tool, jitProfiles: profiles))
        {
            pool.Prepare(new JobProcess(root, null, null, CodeCompilation.Precompiled), 1);
        }

        var kept = Assert.Single(Directory.GetFiles(profiles.Directory));
        Assert.Equal("precompiled-all.jitprofile", Path.GetFileName(kept));
        Assert.True(new FileInfo(kept).Length > 1000, $"{kept}: {new FileInfo(kept).Length} bytes");
    }

    [Fact]
    public async Task Research_run_keeps_its_profile_in_the_local_data_folder_for_the_next_run()
    {
        var root = TestData.Scratch();
        var notebook = Path.Combine(root, "one.dib");
        await File.WriteAllTextAsync(notebook, "#!csharp\n\n1 + 1\n");
        var start = new ProcessStartInfo(Tool.FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Tool.Arguments.Concat(["run", notebook, "-o", Path.Combine(root, "one.ipynb")]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = root;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(root, "data");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        if (Environment.ProcessorCount < 2)
        {
            // The runtime plays a profile only beside a spare processor; the run then keeps none.
            Assert.False(Directory.Exists(Path.Combine(root, "data", "research", "jit")));
            return;
        }

        var kept = Assert.Single(Directory.GetFiles(Path.Combine(root, "data", "research", "jit"), "*", SearchOption.AllDirectories));
        Assert.Equal("run.jitprofile", Path.GetFileName(kept));
        Assert.True(new FileInfo(kept).Length > 1000, $"{kept}: {new FileInfo(kept).Length} bytes");
    }
}
