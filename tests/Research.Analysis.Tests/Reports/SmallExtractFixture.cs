using Research.Analysis.Reports;
using Research.Data;
using Research.Synthetic;

namespace Research.Analysis.Tests.Reports;

/// <summary>A small synthetic extract (seed 7, scale 0.3) shared by the report tests, with each municipal report computed once.</summary>
public sealed class SmallExtractFixture : IDisposable
{
    private readonly Dictionary<string, MunicipalReport> _reports = new(StringComparer.Ordinal);

    public SmallExtractFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "report-tests-" + Guid.NewGuid().ToString("N"));
        new SyntheticExtractGenerator().Generate(Directory, new SyntheticOptions { Seed = 7, Scale = 0.3 });
        Extract = Extract.Load(Directory);
    }

    public string Directory { get; }

    public Extract Extract { get; }

    public static IReadOnlyList<string> Municipalities { get; } = ["deventer", "groningen", "nijmegen", "tilburg", "utrecht", "wageningen"];

    public MunicipalReport Report(string municipality)
    {
        lock (_reports)
        {
            if (!_reports.TryGetValue(municipality, out var report))
            {
                report = MunicipalReport.Compute(ReportContext.Create(Extract, municipality));
                _reports.Add(municipality, report);
            }

            return report;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
