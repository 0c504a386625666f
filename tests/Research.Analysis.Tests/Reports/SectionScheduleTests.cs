using Research.Analysis.Reports;

namespace Research.Analysis.Tests.Reports;

/// <summary>
/// A report's sections computed side by side: every result as computed one after another, and failures as a sequential
/// computation reports them (the first section in order, later sections not started).
/// </summary>
public sealed class SectionScheduleTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    [Theory]
    [InlineData("groningen")]
    [InlineData("utrecht")]
    public void A_report_computed_side_by_side_equals_one_computed_section_after_section(string municipality)
    {
        var sequential = MunicipalReport.Compute(ReportContext.Create(fixture.Extract, municipality), ReportSpecification.Default, parallelism: 1);
        var sideBySide = MunicipalReport.Compute(ReportContext.Create(fixture.Extract, municipality), ReportSpecification.Default, parallelism: 4);

        Assert.Equal(sequential.ToResultFile().ToJson(), sideBySide.ToResultFile().ToJson());
    }

    [Fact]
    public void Sections_run_at_once_up_to_the_parallelism()
    {
        // Each of the two sections waits for the other: only side by side can both finish.
        using var both = new Barrier(2);
        var schedule = new SectionSchedule(2);
        var first = schedule.Add(() => both.SignalAndWait(TimeSpan.FromSeconds(30)));
        var second = schedule.Add(() => both.SignalAndWait(TimeSpan.FromSeconds(30)));

        schedule.Run();

        Assert.True(first.Value);
        Assert.True(second.Value);
    }

    [Fact]
    public void Results_are_read_per_section_after_the_run()
    {
        var schedule = new SectionSchedule(3);
        var sections = Enumerable.Range(0, 20).Select(i => schedule.Add(() => i * i)).ToList();

        Assert.Throws<InvalidOperationException>(() => sections[0].Value);
        schedule.Run();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * i), sections.Select(s => s.Value));
    }

    [Fact]
    public void The_first_failure_in_order_is_thrown_even_when_a_later_section_fails_sooner()
    {
        using var laterFailed = new ManualResetEventSlim();
        var schedule = new SectionSchedule(2);
        schedule.Add<int>(() =>
        {
            laterFailed.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidDataException("first");
        });
        schedule.Add<int>(() =>
        {
            try
            {
                throw new KeyNotFoundException("second");
            }
            finally
            {
                laterFailed.Set();
            }
        });

        var thrown = Assert.Throws<InvalidDataException>(schedule.Run);

        Assert.Equal("first", thrown.Message);
        Assert.Contains(nameof(The_first_failure_in_order_is_thrown_even_when_a_later_section_fails_sooner), thrown.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_after_a_failed_one_are_not_started()
    {
        var started = 0;
        var schedule = new SectionSchedule(1);
        schedule.Add(() => Interlocked.Increment(ref started));
        schedule.Add<int>(() => throw new InvalidOperationException("stop"));
        var after = schedule.Add(() => Interlocked.Increment(ref started));

        Assert.Throws<InvalidOperationException>(schedule.Run);

        Assert.Equal(1, started);
        Assert.Throws<InvalidOperationException>(() => after.Value);
    }

    [Fact]
    public void An_empty_schedule_runs()
    {
        new SectionSchedule(4).Run();
        Assert.Throws<ArgumentOutOfRangeException>(() => new SectionSchedule(0));
    }
}
