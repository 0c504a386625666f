namespace Research.Cli.Tests.Support;

/// <summary>
/// One run-all of the stand-in notebooks over the two-municipality extract, made once per test run; each test gets its
/// own copy (extracts, notebooks and output directory side by side, so the recorded relative paths hold in the copy).
/// </summary>
public static class RecordedRun
{
    private static readonly Lazy<Task<string>> Original = new(async () =>
    {
        var root = TestData.Scratch();
        TestData.TwoMunicipalities(Path.Combine(root, "extracts"));
        TestData.CopyDirectory(TestData.StandInNotebooks, Path.Combine(root, "notebooks"));
        var run = await CliRunner.RunAsync("run-all", "--extracts", Path.Combine(root, "extracts"), "--out", Path.Combine(root, "out"),
            "--notebooks", Path.Combine(root, "notebooks"), "--parallel", "2");
        Assert.True(run.Exit == 0, run.Output + run.Error);
        return root;
    });

    /// <summary>A fresh copy of the recorded run; returns its root (with <c>extracts/</c>, <c>notebooks/</c> and <c>out/</c>).</summary>
    public static async Task<string> CopyAsync()
    {
        var root = TestData.Scratch();
        TestData.CopyDirectory(await Original.Value, root);
        return root;
    }
}
