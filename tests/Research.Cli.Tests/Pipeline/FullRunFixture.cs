using Research.Cli.Tests.Support;
using Research.Pipeline.Provenance;

namespace Research.Cli.Tests.Pipeline;

/// <summary>One complete <c>research run-all</c> with the real report notebooks (synthetic extracts, default seed), shared by the checks of what it publishes.</summary>
public sealed class FullRunFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "research-full-run", Guid.NewGuid().ToString("N"));

    public string Output => Path.Combine(Directory, "out");

    public string Reports => Path.Combine(Output, "reports");

    public async Task InitializeAsync()
    {
        var run = await CliRunner.RunAsync("run-all", "--out", Output, "--parallel", "2");
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.True(File.Exists(Path.Combine(Output, ProvenanceRecord.FileName)));
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("DEBUG_KEEP_RUN") is not null)
        {
            return Task.CompletedTask;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
