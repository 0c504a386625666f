using Research.Pipeline.Running;
using Research.Pipeline.Running.Workers;
using Research.Cli.Tests.Support;

namespace Research.Cli.Tests.Pipeline;

/// <summary>
/// Issue 15: the real <c>research worker</c> hands its JIT profile to the runtime, which writes it when the worker ends
/// (the pool's side, with a stand-in worker, is in Research.Pipeline.Tests' <c>JitProfilesTests</c>).
/// </summary>
public sealed class WorkerJitProfileTests
{
    [Fact]
    public void A_worker_counting_every_processor_leaves_the_profile_the_runtime_recorded()
    {
        var root = TestData.Scratch();
        var profiles = new JitProfiles(Path.Combine(root, "jit"));
        var tool = new ChildCommand(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            [typeof(Research.Cli.Commands.WorkerCommand).Assembly.Location]);

        // A warm worker runs a one-cell session (compiling the engine's methods) and ends when the pool lets it go.
        using (var pool = new WorkerPoolJobRunner(tool, jitProfiles: profiles))
        {
            pool.Prepare(new JobProcess(root, null, null, CodeCompilation.Precompiled), 1);
        }

        var kept = Assert.Single(Directory.GetFiles(profiles.Directory));
        Assert.Equal("precompiled-all.jitprofile", Path.GetFileName(kept));
        Assert.True(new FileInfo(kept).Length > 1000, $"{kept}: {new FileInfo(kept).Length} bytes");
    }
}
