using System.Globalization;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Synthesis;

/// <summary>Reads Fixtures/Synthesis CSV files: the invented municipal rows as result files, and the R reference output.</summary>
internal static class SiteFixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Synthesis", name);

    /// <summary>sites.csv as one municipal result file per site with an itt_clustered table (empty cells: withheld, null).</summary>
    public static IReadOnlyList<ResultFile> ResultFiles()
    {
        var rows = Read("sites.csv");
        return rows.GroupBy(r => r["site"]).Select(site => new ResultFile(site.Key, "municipal",
        [
            new ResultTable("itt_clustered", "ITT (CR2)", site.Select(r => new ResultRow(
                $"{r["arm"]}|{r["outcome"]}|{r["horizon"]}",
                new Dictionary<string, string>
                {
                    ["arm"] = r["arm"], ["arm_name_nl"] = r["arm_name_nl"], ["arm_type"] = r["arm_type"], ["outcome"] = r["outcome"], ["horizon"] = r["horizon"],
                },
                new[] { "estimate", "se", "ci_low", "ci_high", "p", "df", "n", "n_arm", "n_control", "control_mean" }.ToDictionary(v => v, v => Number(r[v])))).ToList(), []),
        ])).ToList();
    }

    /// <summary>The rows of a CSV fixture (no quoted commas; R's quotes are stripped).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string name)
    {
        var lines = File.ReadAllLines(Path(name));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        return lines.Skip(1).Select(l => (IReadOnlyDictionary<string, string>)l.Split(',').Select((v, i) => (header[i], v.Trim('"'))).ToDictionary(x => x.Item1, x => x.Item2)).ToList();
    }

    public static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
