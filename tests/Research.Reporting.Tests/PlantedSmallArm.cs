using Research.Analysis.Reports;
using Research.Data;
using Research.Synthetic;

namespace Research.Reporting.Tests;

/// <summary>
/// A synthetic extract (seed 5, scale 0.5) in which Utrecht's arm <c>werken_loont</c> is cut to eight persons (their
/// register months and survey answers with them), and the Utrecht report computed from it.
/// </summary>
public sealed class PlantedSmallArm : IDisposable
{
    public const string Municipality = "utrecht";
    public const string Arm = "werken_loont";
    public const int Size = 8;

    public PlantedSmallArm()
    {
        Directory = Path.Combine(Path.GetTempPath(), "planted-arm-" + Guid.NewGuid().ToString("N"));
        var full = Path.Combine(Directory, "full");
        Extracts = Path.Combine(Directory, "extracts");
        new SyntheticExtractGenerator().Generate(full, new SyntheticOptions { Seed = 5, Scale = 0.5 });
        System.IO.Directory.CreateDirectory(Extracts);
        var participants = File.ReadAllLines(Path.Combine(full, "participants.csv"));
        var header = participants[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var inArm = participants.Skip(1).Where(l => l.Split(',')[Column("municipality")] == Municipality && l.Split(',')[Column("arm")] == Arm).ToList();
        var dropped = inArm.Skip(Size).Select(l => l.Split(',')[Column("person_id")]).ToHashSet(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(full))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".csv", StringComparison.Ordinal))
            {
                File.WriteAllLines(Path.Combine(Extracts, name), File.ReadLines(file).Where((l, i) => i == 0 || !dropped.Contains(l[..l.IndexOf(',', StringComparison.Ordinal)])));
            }
            else
            {
                File.Copy(file, Path.Combine(Extracts, name));
            }
        }

        Extract = Extract.Load(Extracts);
        Report = MunicipalReport.Compute(ReportContext.Create(Extract, Municipality));
    }

    public string Directory { get; }

    public string Extracts { get; }

    public Extract Extract { get; }

    public MunicipalReport Report { get; }

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
