using Research.Analysis.Outcomes;
using Research.Analysis.Reports;
using Research.Analysis.Tests.Reports;
using Research.Data;
using Research.Data.Validation;
using Research.Synthetic;

namespace Research.Analysis.Tests.Outcomes;

/// <summary>
/// Participants without any register month are "not linked" (a validation warning, as the README says): a valid
/// extract with such persons still gives every report, the persons are left out of the outcome analyses, and no message
/// or table names them.
/// </summary>
public sealed class UnlinkedParticipantTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "unlinked-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_report_runs_and_leaves_the_unlinked_persons_out()
    {
        new SyntheticExtractGenerator().Generate(_directory, new SyntheticOptions { Seed = 5, Scale = 0.3 });
        var participants = File.ReadAllLines(Path.Combine(_directory, "participants.csv"));
        var utrecht = participants.Skip(1).Where(l => l.Split(',')[1] == "utrecht").Take(3).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var register = Path.Combine(_directory, "register_months.csv");
        File.WriteAllLines(register, File.ReadAllLines(register).Where(l => !utrecht.Contains(l.Split(',')[0])));

        var (extract, report) = Extract.Read(_directory);

        Assert.True(report.IsValid, report.Format());
        Assert.Equal(3, report.Issues.Count(i => i.Rule == Rules.RegisterCoverage));
        Assert.All(utrecht, id => Assert.DoesNotContain(id, report.Format(), StringComparison.Ordinal));

        var panel = OutcomePanel.FromExtract(extract!);
        Assert.Equal(3, panel.UnlinkedCount);
        Assert.Equal(3, Enumerable.Range(0, panel.Count).Count(p => !panel.IsLinked(p)));
        Assert.True(panel.CommonHorizon >= 36);

        foreach (var municipality in SmallExtractFixture.Municipalities)
        {
            var context = ReportContext.Create(extract!, municipality);
            Assert.All(context.Persons, p => Assert.DoesNotContain(context.Panel.Ids[p], utrecht));
            var json = MunicipalReport.Compute(context).ToResultFile().ToJson();
            Assert.All(utrecht, id => Assert.DoesNotContain(id, json, StringComparison.Ordinal));
        }
    }
}
