using Research.Pipeline.Caching;
using Research.Pipeline.Hashing;

namespace Research.Pipeline.Tests.Caching;

/// <summary>Every named reason, one at a time, on the pure decision.</summary>
public sealed class StalenessTests
{
    private static readonly Dependency[] Recorded =
    [
        new(DependencyKind.Notebook, "municipal-report.ipynb", "n1"),
        new(DependencyKind.Parameter, "municipality", "p1"),
        new(DependencyKind.Input, "participants", "i1"),
        new(DependencyKind.Input, "register_months", "i2"),
        new(DependencyKind.ToolBuild, "", "t1"),
        new(DependencyKind.Packages, "", "k1"),
        new(DependencyKind.Result, "utrecht", "r1"),
    ];

    private static readonly CacheEntry Entry = CacheEntry.For("job", Recorded, [new FileHash("reports/job.html", "h1")], DateTimeOffset.UnixEpoch, 1);

    [Fact]
    public void Nothing_changed_means_up_to_date() =>
        Assert.Empty(Staleness.Reasons(Entry, Recorded, _ => "h1", force: false));

    [Theory]
    [InlineData(DependencyKind.Notebook, "municipal-report.ipynb", "notebook municipal-report.ipynb changed")]
    [InlineData(DependencyKind.Parameter, "municipality", "parameter municipality changed")]
    [InlineData(DependencyKind.Input, "register_months", "input register_months changed")]
    [InlineData(DependencyKind.ToolBuild, "", "the tool build changed")]
    [InlineData(DependencyKind.Packages, "", "the package versions changed")]
    [InlineData(DependencyKind.Result, "utrecht", "the utrecht result file changed")]
    public void Each_changed_dependency_is_its_own_reason(DependencyKind kind, string name, string expected)
    {
        var now = Recorded.Select(d => d.Kind == kind && d.Name == name ? d with { Hash = "other" } : d);

        var reason = Assert.Single(Staleness.Reasons(Entry, now, _ => "h1", force: false));

        Assert.Equal(RerunReasonKind.Changed, reason.Kind);
        Assert.Equal(expected, reason.ToString());
    }

    [Fact]
    public void A_new_and_a_dropped_dependency_are_reasons()
    {
        var now = Recorded.Where(d => d.Name != "register_months").Append(new Dependency(DependencyKind.Input, "truth.json", "x"));

        var reasons = Staleness.Reasons(Entry, now, _ => "h1", force: false).Select(r => r.ToString()).ToList();

        Assert.Equal(["input register_months is no longer used", "input truth.json is new"], reasons);
    }

    [Fact]
    public void Missing_and_edited_outputs_are_reasons()
    {
        Assert.Equal("output reports/job.html is missing", Assert.Single(Staleness.Reasons(Entry, Recorded, _ => null, force: false)).ToString());
        Assert.Equal("output reports/job.html changed since it was written", Assert.Single(Staleness.Reasons(Entry, Recorded, _ => "edited", force: false)).ToString());
    }

    [Fact]
    public void Force_and_a_missing_entry_run_regardless()
    {
        Assert.Equal(RerunReasonKind.Forced, Assert.Single(Staleness.Reasons(Entry, Recorded, _ => "h1", force: true)).Kind);
        Assert.Equal(RerunReasonKind.NeverRun, Assert.Single(Staleness.Reasons(null, Recorded, _ => "h1", force: false)).Kind);
    }
}
