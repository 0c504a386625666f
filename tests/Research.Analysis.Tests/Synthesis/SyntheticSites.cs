using System.Text.Json.Nodes;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Data;
using Research.Data.Design;
using Research.Data.Schema;
using Research.Scales.Instruments;
using Research.Synthetic;
using Research.Synthetic.Calibration;

namespace Research.Analysis.Tests.Synthesis;

/// <summary>Synthetic extracts for one seed and the municipal result files the report classes compute from them.</summary>
internal sealed class SyntheticSites : IDisposable
{
    private SyntheticSites(string directory, Extract extract, IReadOnlyList<ResultFile> results)
    {
        Directory = directory;
        Extract = extract;
        Results = results;
    }

    public string Directory { get; }

    public Extract Extract { get; }

    public IReadOnlyList<ResultFile> Results { get; }

    /// <summary>
    /// Generates the experiments at <paramref name="scale"/> (all six, or only <paramref name="municipality"/>) and runs
    /// the municipal tables with the report classes.
    /// </summary>
    public static SyntheticSites Generate(ulong seed, double scale = 1.0, string? municipality = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"synthesis-tests-{seed}-{Guid.NewGuid():N}");
        var generator = municipality is null
            ? new SyntheticExtractGenerator()
            : new SyntheticExtractGenerator(Only(municipality), BundledInstruments.Catalog, SyntheticCalibration.Default);
        generator.Generate(directory, new SyntheticOptions { Seed = seed, Scale = scale, Parallelism = 1 });
        var extract = Extract.Load(directory);
        var results = extract.Experiments.Experiments
            .Where(e => municipality is null || e.Municipality == municipality)
            .Select(e => MunicipalReport.Compute(ReportContext.Create(extract, e.Municipality)).ToResultFile())
            .ToList();
        return new SyntheticSites(directory, extract, results);
    }

    private static ExperimentCatalog Only(string municipality)
    {
        var root = JsonNode.Parse(DataPackage.EmbeddedText(ExperimentCatalog.FileName))!;
        var experiments = root["experiments"]!.AsArray();
        foreach (var other in experiments.Where(e => (string)e!["municipality"]! != municipality).ToList())
        {
            experiments.Remove(other);
        }

        return ExperimentCatalog.Parse(root.ToJsonString(), $"{ExperimentCatalog.FileName} ({municipality} only)");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
