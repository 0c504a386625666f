using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Analysis.Synthesis;
using Research.Data;
using Research.Synthetic;

namespace Research.Reporting.Tests;

/// <summary>A small synthetic run (seed 3, scale 0.3): every municipal report and the synthesis of their result files.</summary>
public sealed class SyntheticRun : IDisposable
{
    public SyntheticRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), "reporting-run-" + Guid.NewGuid().ToString("N"));
        new SyntheticExtractGenerator().Generate(Directory, new SyntheticOptions { Seed = 3, Scale = 0.3 });
        Extract = Extract.Load(Directory);
        Reports = Extract.Experiments.Experiments.Select(e => MunicipalReport.Compute(ReportContext.Create(Extract, e.Municipality))).ToList();
        Files = [.. Reports.Select(r => r.ToResultFile())];
        Synthesis = SynthesisAnalysis.Run(SiteResults.Estimates(Files), Extract.Experiments, PlantedEffects.TryLoad(Directory));
    }

    public string Directory { get; }

    public Extract Extract { get; }

    public IReadOnlyList<MunicipalReport> Reports { get; }

    public IReadOnlyList<ResultFile> Files { get; }

    public SynthesisAnalysis Synthesis { get; }

    public MunicipalReport Report(string municipality) => Reports.Single(r => r.Municipality == municipality);

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
