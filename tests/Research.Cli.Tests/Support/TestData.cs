using System.Text.Json.Nodes;
using Research.Synthetic;

namespace Research.Cli.Tests.Support;

/// <summary>
/// Small extracts for CLI tests, generated once per test run, with two municipalities (Tilburg and Utrecht) so a run-all
/// starts three notebook processes, not seven.
/// </summary>
public static class TestData
{
    /// <summary>The municipalities of <see cref="TwoMunicipalities"/>.</summary>
    public static readonly string[] Pair = ["tilburg", "utrecht"];

    private static readonly Lazy<string> Two = new(() => Generate("two", 0.05, m => Pair.Contains(m)));

    private static readonly Lazy<string> Three = new(() => Generate("three", 0.05, m => Trio.Contains(m)));

    private static readonly Lazy<string> TwoReportSized = new(() => Generate("two-report-sized", 0.3, m => Pair.Contains(m)));

    /// <summary>The municipalities of <see cref="ThreeMunicipalities"/>, in the order run-all runs them.</summary>
    public static readonly string[] Trio = ["deventer", "tilburg", "utrecht"];

    /// <summary>The stand-in notebooks of the pipeline tests (they count participants; the real reports run in CI's main job).</summary>
    public static string StandInNotebooks => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipeline-notebooks");

    /// <summary>
    /// A copy of <see cref="StandInNotebooks"/> under <paramref name="root"/> whose municipal report ends with one more code
    /// cell, <paramref name="source"/> (it sees the parameter <c>municipality</c>).
    /// </summary>
    public static string StandInNotebooksEndingWith(string root, string cellId, string source)
    {
        var directory = CopyDirectory(StandInNotebooks, Path.Combine(root, "notebooks"));
        var path = Path.Combine(directory, "municipal-report.ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        notebook["cells"]!.AsArray().Add(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = cellId,
            ["metadata"] = new JsonObject(),
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        });
        File.WriteAllText(path, notebook.ToJsonString());
        return directory;
    }

    /// <summary>The worker process that ran <paramref name="site"/>'s report in a run-all into <paramref name="outDir"/>, from the first line of its log.</summary>
    public static string WorkerOf(string outDir, string site)
    {
        var first = File.ReadLines(Path.Combine(outDir, "logs", site + ".log")).First();
        Assert.StartsWith("research worker (process ", first, StringComparison.Ordinal);
        return first.Split(')')[0];
    }

    /// <summary>A bad-input fixture file.</summary>
    public static string BadInput(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad-inputs", name);

    /// <summary>A fresh scratch directory.</summary>
    public static string Scratch() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "research-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>A copy of the two-municipality extract at <paramref name="target"/>.</summary>
    public static string TwoMunicipalities(string target) => CopyDirectory(Two.Value, target);

    /// <summary>A copy of a small three-municipality extract (<see cref="Trio"/>) at <paramref name="target"/>.</summary>
    public static string ThreeMunicipalities(string target) => CopyDirectory(Three.Value, target);

    /// <summary>
    /// A copy of a two-municipality extract large enough for the real report notebook (scale 0.3: every estimator has the
    /// degrees of freedom it needs), at <paramref name="target"/>.
    /// </summary>
    public static string TwoMunicipalitiesForReports(string target) => CopyDirectory(TwoReportSized.Value, target);

    /// <summary>Sets <paramref name="column"/> of the first data row of a CSV file to what <paramref name="edit"/> makes of it.</summary>
    public static void EditFirstRow(string csv, string column, Func<string, string> edit)
    {
        var lines = File.ReadAllLines(csv);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var fields = lines[1].Split(',');
        fields[index] = edit(fields[index]);
        lines[1] = string.Join(',', fields);
        File.WriteAllText(csv, string.Join('\n', lines) + "\n");
    }

    /// <summary>Copies a directory tree (files and subdirectories).</summary>
    public static string CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(to);
        return to;
    }

    private static string Generate(string name, double scale, Func<string, bool> keep)
    {
        var directory = Path.Combine(Path.GetTempPath(), "research-cli-tests", $"{name}-{Environment.ProcessId}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = 11, Scale = scale });
        var participants = Path.Combine(directory, "participants.csv");
        var lines = File.ReadAllLines(participants);
        var kept = lines.Skip(1).Where(l => keep(l.Split(',')[1])).ToList();
        var ids = kept.Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        File.WriteAllLines(participants, kept.Prepend(lines[0]));
        foreach (var table in new[] { "register_months.csv", "survey_responses.csv" })
        {
            var path = Path.Combine(directory, table);
            var rows = File.ReadAllLines(path);
            File.WriteAllLines(path, rows.Skip(1).Where(l => ids.Contains(l.Split(',')[0])).Prepend(rows[0]));
        }

        return directory;
    }
}
