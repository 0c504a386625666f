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
        var definition = new TableBuilder<IReadOnlyDictionary<string, string>>("itt_clustered", "ITT (CR2)", r => $"{r["arm"]}|{r["outcome"]}|{r["horizon"]}")
            .Label("arm", "Arm code", r => r["arm"]).Label("arm_name_nl", "Arm", r => r["arm_name_nl"]).Label("arm_type", "Type", r => r["arm_type"])
            .Label("outcome", "Outcome", r => r["outcome"]).Label("horizon", "Month", r => r["horizon"])
            .Number("estimate", ColumnKind.Estimate, "Effect", r => Number(r["estimate"]), ValueUnit.Share)
            .Number("se", ColumnKind.Spread, "SE", r => Number(r["se"]), ValueUnit.Share)
            .Number("ci_low", ColumnKind.Limit, "CI, lower", r => Number(r["ci_low"]), ValueUnit.Share)
            .Number("ci_high", ColumnKind.Limit, "CI, upper", r => Number(r["ci_high"]), ValueUnit.Share)
            .Number("p", ColumnKind.PValue, "p", r => Number(r["p"]))
            .Number("df", ColumnKind.DegreesOfFreedom, "df", r => Number(r["df"]))
            .SampleSize("n", "Persons", r => Number(r["n"])).SampleSize("n_arm", "Arm", r => Number(r["n_arm"])).SampleSize("n_control", "Control", r => Number(r["n_control"]))
            .Share("control_mean", "Control share", "n_control", r => Number(r["control_mean"]))
            .Build();
        return rows.GroupBy(r => r["site"]).Select(site => new ResultFile(site.Key, "municipal", [definition.Table(site, [])])).ToList();
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
