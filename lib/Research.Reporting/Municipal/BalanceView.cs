using Research.Analysis.Results;
using Research.Data.Design;
using Research.Reporting.Tables;

namespace Research.Reporting.Municipal;

/// <summary>The balance table for reading: one row per characteristic, each arm's mean or share and standardized difference side by side.</summary>
public static class BalanceView
{
    /// <summary>The wide view of the published <c>balance</c> table; withheld cells stay withheld (with their rule).</summary>
    public static ReportTable Wide(ResultTable balance, Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(experiment);
        var cells = balance.Rows.Where(r => !r.Key.StartsWith("joint|", StringComparison.Ordinal)).ToList();
        var columns = new List<ResultColumn> { new("covariate", ColumnKind.Label, "Characteristic") };
        foreach (var arm in experiment.Arms)
        {
            columns.Add(new ResultColumn($"level|{arm.Code}", ColumnKind.Index, $"{arm.NameNl}: mean or share"));
            if (!arm.IsControl)
            {
                columns.Add(new ResultColumn($"smd|{arm.Code}", ColumnKind.Index, $"{arm.NameNl}: standardized difference"));
            }
        }

        var rows = cells.GroupBy(r => r.Label("covariate")).Select(group =>
        {
            var values = new Dictionary<string, double?>(StringComparer.Ordinal);
            var disclosure = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var arm in experiment.Arms)
            {
                var row = group.FirstOrDefault(r => r.Label("arm") == arm.Code);
                var level = row is null ? null : row.Values.ContainsKey("share") ? "share" : "mean";
                Copy(row, level, $"level|{arm.Code}", values, disclosure);
                if (!arm.IsControl)
                {
                    Copy(row, "smd", $"smd|{arm.Code}", values, disclosure);
                }
            }

            return new ResultRow(group.Key, new Dictionary<string, string>(StringComparer.Ordinal) { ["covariate"] = group.First().Label("covariate_label") }, values) { Disclosure = disclosure };
        }).ToList();
        var table = new ResultTable("balance_wide", "Balance at baseline: mean (or share with the characteristic) by arm", columns, rows,
            ["Shares of 0/1 characteristics are shown as decimals (0.25 = 25%).", .. balance.Footnotes]).Validated();
        return new ReportTable(table);
    }

    private static void Copy(ResultRow? row, string? from, string to, Dictionary<string, double?> values, Dictionary<string, string> disclosure)
    {
        values[to] = from is null ? null : row!.Values.GetValueOrDefault(from);
        if (from is not null && row!.Disclosure.TryGetValue(from, out var rule))
        {
            disclosure[to] = rule;
        }
    }
}
