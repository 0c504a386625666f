using System.Text.Json.Nodes;
using Research.Pipeline.Provenance;
using Research.Pipeline.Tool;
using Research.Synthetic;

namespace Research.Pipeline.Tests.Support;

/// <summary>
/// A small synthetic extract whose participants file lies in a subdirectory (the datapackage names it there), two
/// stand-in notebooks and an output directory, with a fake runner: enough to watch every cache decision.
/// </summary>
public sealed class PipelineWorld
{
    private static readonly Lazy<string> Template = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "research-pipeline-tests", "extract-" + Environment.ProcessId);
        if (!System.IO.Directory.Exists(directory))
        {
            new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = 3, Scale = 0.05 });
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "data"));
            File.Move(Path.Combine(directory, "participants.csv"), Path.Combine(directory, "data", "participants.csv"));
            var descriptor = Path.Combine(directory, "datapackage.json");
            var root = JsonNode.Parse(File.ReadAllText(descriptor))!;
            root["resources"]!.AsArray().Single(r => (string?)r!["name"] == "participants")!["path"] = "data/participants.csv";
            File.WriteAllText(descriptor, root.ToJsonString());
        }

        return directory;
    });

    public PipelineWorld()
    {
        Root = Scratch.Directory();
        Extracts = Path.Combine(Root, "extracts");
        Copy(Template.Value, Extracts);
        Notebooks = System.IO.Directory.CreateDirectory(Path.Combine(Root, "notebooks")).FullName;
        File.WriteAllText(Path.Combine(Notebooks, "municipal-report.ipynb"), "{\"cells\": [], \"stand-in\": \"municipal\"}\n");
        File.WriteAllText(Path.Combine(Notebooks, "synthesis.ipynb"), "{\"cells\": [], \"stand-in\": \"synthesis\"}\n");
        Out = Path.Combine(Root, "out");
    }

    public static IReadOnlyList<string> Municipalities { get; } = ["deventer", "groningen", "nijmegen", "tilburg", "utrecht", "wageningen"];

    public static IReadOnlyList<string> AllJobs { get; } = [.. Municipalities, "synthesis"];

    public string Root { get; }

    public string Extracts { get; }

    public string Notebooks { get; }

    public string Out { get; }

    public FakeRunner Runner { get; } = new();

    public ToolFingerprint Tool { get; set; } = ToolFingerprint.Current;

    public StringWriter Log { get; private set; } = new();

    public PipelineSettings Settings => new()
    {
        OutputDirectory = Out,
        ExtractDirectory = Extracts,
        NotebookDirectory = Notebooks,
        Parallelism = 2,
    };

    /// <summary>Runs the pipeline; returns the jobs that ran (the log of this run is in <see cref="Log"/>).</summary>
    public async Task<(PipelineResult Result, IReadOnlyList<string> Ran)> RunAsync(PipelineSettings? settings = null)
    {
        var before = Runner.Ran.Count;
        Log = new StringWriter();
        var result = await new ReportPipeline(settings ?? Settings, Runner, Log, Tool).RunAsync(CancellationToken.None);
        return (result, Runner.Ran.Skip(before).Order(StringComparer.Ordinal).ToList());
    }

    public ProvenanceRecord Provenance => ProvenanceRecord.Load(Path.Combine(Out, ProvenanceRecord.FileName));

    /// <summary>Changes a number in the first data row of a CSV file (staying valid: birth year or earnings go up by one).</summary>
    public static void ChangeFirstRow(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var fields = lines[1].Split(',');
        fields[index] = (double.Parse(fields[index], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[1] = string.Join(',', fields);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
