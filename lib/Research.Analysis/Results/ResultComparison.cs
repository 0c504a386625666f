using System.Globalization;

namespace Research.Analysis.Results;

/// <summary>One difference between a recorded and a reproduced result.</summary>
/// <param name="Site">The site.</param>
/// <param name="Table">The table.</param>
/// <param name="Row">The row key.</param>
/// <param name="Value">The value name.</param>
/// <param name="Recorded">The recorded number (null: suppressed or absent).</param>
/// <param name="Reproduced">The reproduced number (null: suppressed or absent).</param>
/// <param name="Problem">What differs.</param>
public sealed record ResultDifference(string Site, string Table, string? Row, string? Value, double? Recorded, double? Reproduced, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Site} / {Table}{(Row is null ? string.Empty : $" / {Row}")}{(Value is null ? string.Empty : $" / {Value}")}: {Problem}");
}

/// <summary>Compares result files number by number with a relative tolerance.</summary>
public static class ResultComparison
{
    /// <summary>The default relative tolerance.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>
    /// Every difference between <paramref name="recorded"/> and <paramref name="reproduced"/>: missing or extra tables,
    /// rows and values, suppression that differs, and numbers whose relative difference exceeds
    /// <paramref name="relativeTolerance"/>: |a − b| ≤ tol · max(|a|, |b|, 10⁻⁶). The floor keeps estimates that are zero
    /// up to rounding (an effect of 1e-17 against -3e-17) from counting as different.
    /// </summary>
    public static IReadOnlyList<ResultDifference> Compare(ResultFile recorded, ResultFile reproduced, double relativeTolerance = DefaultTolerance)
    {
        var site = recorded.Site;
        var differences = new List<ResultDifference>();
        // Tables and rows are matched by name and key through lookups: a table has up to thousands of rows.
        var reproducedTables = ByName(reproduced.Tables);
        foreach (var table in recorded.Tables)
        {
            if (!reproducedTables.TryGetValue(table.Name, out var other))
            {
                differences.Add(new ResultDifference(site, table.Name, null, null, null, null, "table missing from the reproduction"));
                continue;
            }

            var reproducedRows = ByKey(other.Rows);
            foreach (var row in table.Rows)
            {
                if (!reproducedRows.TryGetValue(row.Key, out var match))
                {
                    differences.Add(new ResultDifference(site, table.Name, row.Key, null, null, null, "row missing from the reproduction"));
                    continue;
                }

                foreach (var (name, value) in row.Values)
                {
                    if (!match.Values.TryGetValue(name, out var again))
                    {
                        differences.Add(new ResultDifference(site, table.Name, row.Key, name, value, null, "value missing from the reproduction"));
                    }
                    else if (!Same(value, again, relativeTolerance))
                    {
                        differences.Add(new ResultDifference(site, table.Name, row.Key, name, value, again, Describe(value, again)));
                    }
                }

                foreach (var extra in match.Values.Keys.Where(k => !row.Values.ContainsKey(k)))
                {
                    differences.Add(new ResultDifference(site, table.Name, row.Key, extra, null, match.Values[extra], "value only in the reproduction"));
                }

                foreach (var name in row.Disclosure.Keys.Union(match.Disclosure.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    var (was, now) = (row.Disclosure.GetValueOrDefault(name), match.Disclosure.GetValueOrDefault(name));
                    if (was != now)
                    {
                        differences.Add(new ResultDifference(site, table.Name, row.Key, name, null, null,
                            $"disclosure rule '{was ?? "none"}' in the record but '{now ?? "none"}' in the reproduction"));
                    }
                }
            }

            var recordedRows = ByKey(table.Rows);
            foreach (var extra in other.Rows.Where(r => !recordedRows.ContainsKey(r.Key)))
            {
                differences.Add(new ResultDifference(site, table.Name, extra.Key, null, null, null, "row only in the reproduction"));
            }
        }

        var recordedTables = ByName(recorded.Tables);
        foreach (var extra in reproduced.Tables.Where(t => !recordedTables.ContainsKey(t.Name)))
        {
            differences.Add(new ResultDifference(site, extra.Name, null, null, null, null, "table only in the reproduction"));
        }

        return differences;
    }

    // Within a file, table names and row keys are unique (ResultTable.Validated); for tables built in code that are not,
    // the first of a name wins, as the linear search it replaces did.
    private static Dictionary<string, ResultTable> ByName(IEnumerable<ResultTable> tables) => First(tables, t => t.Name);

    private static Dictionary<string, ResultRow> ByKey(IEnumerable<ResultRow> rows) => First(rows, r => r.Key);

    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            found.TryAdd(key(item), item);
        }

        return found;
    }

    private static bool Same(double? a, double? b, double tolerance) => (a, b) switch
    {
        (null, null) => true,
        ({ } x, { } y) => Math.Abs(x - y) <= tolerance * Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), 1e-6),
        _ => false,
    };

    private static string Describe(double? a, double? b) => (a, b) switch
    {
        (null, _) => string.Create(CultureInfo.InvariantCulture, $"suppressed in the record but {b:R} in the reproduction"),
        (_, null) => string.Create(CultureInfo.InvariantCulture, $"{a:R} in the record but suppressed in the reproduction"),
        ({ } x, { } y) => string.Create(CultureInfo.InvariantCulture, $"recorded {x:R}, reproduced {y:R} (relative difference {Math.Abs(x - y) / Math.Max(Math.Abs(x), Math.Abs(y)):E2})"),
    };
}
