using Research.Analysis.Reports;
using Research.Data;
using Research.Synthetic;

namespace Research.Analysis.Tests.Reports;

/// <summary>A small synthetic extract (seed 7, scale 0.3) shared by the report tests, with each section computed once per municipality.</summary>
public sealed class SmallExtractFixture : IDisposable
{
    private readonly Dictionary<string, ReportSections> _sections = new(StringComparer.Ordinal);

    public SmallExtractFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "report-tests-" + Guid.NewGuid().ToString("N"));
        new SyntheticExtractGenerator().Generate(Directory, new SyntheticOptions { Seed = 7, Scale = 0.3 });
        Extract = Extract.Load(Directory);
    }

    public string Directory { get; }

    public Extract Extract { get; }

    public static IReadOnlyList<string> Municipalities { get; } = ["deventer", "groningen", "nijmegen", "tilburg", "utrecht", "wageningen"];

    public ReportSections Sections(string municipality)
    {
        lock (_sections)
        {
            if (!_sections.TryGetValue(municipality, out var sections))
            {
                sections = ReportSections.Compute(ReportContext.Create(Extract, municipality));
                _sections.Add(municipality, sections);
            }

            return sections;
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

/// <summary>Every section of one municipality's report.</summary>
public sealed record ReportSections(
    ReportContext Context, DesignSection Design, BalanceSection Balance, PrimaryOutcomes Primary, Durability Durability, Wellbeing Wellbeing, Attrition Attrition, EvidenceSummary Summary)
{
    public static ReportSections Compute(ReportContext context)
    {
        var primary = PrimaryOutcomes.Compute(context);
        var balance = BalanceSection.Compute(context);
        var wellbeing = Wellbeing.Compute(context);
        var attrition = Attrition.Compute(context);
        return new ReportSections(context, DesignSection.Compute(context), balance, primary, Durability.Compute(context), wellbeing, attrition,
            EvidenceSummary.Compute(context, primary, balance, wellbeing, attrition));
    }

    public IReadOnlyList<Research.Analysis.Results.ResultTable> Tables =>
        [.. Design.Tables, .. Balance.Tables, .. Primary.Tables, .. Durability.Tables, .. Wellbeing.Tables, .. Attrition.Tables, .. Summary.Tables];
}
