using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Reporting.Publication;

/// <summary>
/// Reads everything a run published (result files, HTML reports with the chart data embedded in them, executed
/// notebooks) as a reader would, and reports every count below the minimum that it shows or that follows by simple
/// arithmetic, and every person identifier. It is written apart from <see cref="DisclosureControl"/> on purpose: it does
/// not know how the tables were protected, only what a reader sees.
/// </summary>
/// <remarks>
/// The derivations it tries: a count or sample size itself; a share times the persons it is taken over (those with and
/// without the status); a table's total ("all") minus its published parts; an arm's size minus any exact count published
/// for that arm (every such count is a part of the arm); two consecutive points of a cumulative curve times the arm's
/// size; and in charts, each point of a share line times its base. Counts published rounded are used only where the
/// rounding cannot hide a small number.
/// </remarks>
public sealed partial class DisclosureScan
{
    private const double Slack = 0.5;
    private readonly int _minimum;
    private readonly IReadOnlySet<string> _personIds;

    /// <summary>A scan for counts below <paramref name="minimumCount"/> and for the identifiers in <paramref name="personIds"/>.</summary>
    public DisclosureScan(int minimumCount, IReadOnlySet<string> personIds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        ArgumentNullException.ThrowIfNull(personIds);
        _minimum = minimumCount;
        _personIds = personIds;
    }

    /// <summary>The <c>person_id</c> column of <c>participants.csv</c> in <paramref name="extractDirectory"/>.</summary>
    public static IReadOnlySet<string> PersonIds(string extractDirectory)
    {
        var lines = File.ReadLines(Path.Combine(extractDirectory, "participants.csv")).ToList();
        var column = Array.IndexOf(lines[0].Split(','), "person_id");
        if (column < 0)
        {
            throw new InvalidDataException($"{Path.Combine(extractDirectory, "participants.csv")} has no person_id column");
        }

        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[column].Trim('"')).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every published output under <paramref name="directory"/>: <c>*.results.json</c>, <c>*.html</c> and <c>*.ipynb</c>, outside the extracts and caches.</summary>
    public IReadOnlyList<ScanFinding> ScanDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".results.json", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".ipynb", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part is "extracts" or ".cache"))
            .Order(StringComparer.Ordinal);
        return files.SelectMany(f => ScanFile(f, Path.GetRelativePath(root, f))).ToList();
    }

    /// <summary>One output file, named <paramref name="name"/> in the findings.</summary>
    public IReadOnlyList<ScanFinding> ScanFile(string path, string name)
    {
        var text = File.ReadAllText(path);
        var findings = Identifiers(text, name).ToList();
        if (path.EndsWith(".results.json", StringComparison.Ordinal))
        {
            findings.AddRange(ScanResults(ResultFile.Load(path), name));
        }
        else if (path.EndsWith(".html", StringComparison.Ordinal))
        {
            findings.AddRange(ScanHtml(text, name, "page"));
        }
        else
        {
            findings.AddRange(ScanNotebook(text, name));
        }

        return findings;
    }

    /// <summary>The counts a result file shows or lets a reader derive.</summary>
    public IEnumerable<ScanFinding> ScanResults(ResultFile file, string name)
    {
        ArgumentNullException.ThrowIfNull(file);
        var findings = new List<ScanFinding>();
        foreach (var table in file.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.ColumnsOf(ColumnKind.Count))
                {
                    if (row.Values.GetValueOrDefault(column.Name) is { } n && n < _minimum)
                    {
                        findings.Add(new(name, $"{table.Name} / {row.Key} / {column.Name}", Shows(n)));
                    }
                }

                foreach (var column in table.ColumnsOf(ColumnKind.Share).Where(c => c.Base is not null))
                {
                    if (row.Values.GetValueOrDefault(column.Name) is { } share && row.Values.GetValueOrDefault(column.Base!) is { } n)
                    {
                        var slack = IsRounded(row, column.Base!) ? DisclosureControl.RoundingBase / 2.0 : 0;
                        foreach (var (what, count) in new[] { ("with the status", share * n), ("without it", (1 - share) * n) })
                        {
                            if (count + (slack * Math.Max(share, 1 - share)) < _minimum - Slack)
                            {
                                findings.Add(new(name, $"{table.Name} / {row.Key} / {column.Name}", string.Create(CultureInfo.InvariantCulture, $"{share:0.####} of {n} leaves {count:0.#} persons {what}")));
                            }
                        }
                    }
                }
            }

            findings.AddRange(Totals(table, name));
            findings.AddRange(Curves(table, name));
        }

        findings.AddRange(ArmParts(file, name));
        return findings;
    }

    /// <summary>The counts an HTML page (or fragment) shows in its tables and charts.</summary>
    public IEnumerable<ScanFinding> ScanHtml(string html, string name, string where)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match cell in CountCell().Matches(html))
        {
            if (double.TryParse(cell.Groups[2].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n < _minimum)
            {
                yield return new(name, $"{where}, table cell {cell.Groups[1].Value}", Shows(n));
            }
        }

        var figure = 0;
        foreach (Match plot in Figure().Matches(html))
        {
            figure++;
            var chart = string.Create(CultureInfo.InvariantCulture, $"{where}, chart {figure}");
            var (data, problem) = Parse(plot.Groups[1].Value);
            if (problem is not null)
            {
                yield return new(name, chart, $"the chart data cannot be read, so it cannot be checked: {problem}");
            }

            foreach (var finding in ScanFigure(data, name, chart))
            {
                yield return finding;
            }
        }
    }

    /// <summary>The counts a Plotly figure's data reveal: each point of a share line times its base, and each step of a cumulative one.</summary>
    public IEnumerable<ScanFinding> ScanFigure(JsonNode? figure, string name, string where)
    {
        foreach (var trace in figure?["data"]?.AsArray() ?? [])
        {
            var kind = trace?["meta"]?["kind"]?.GetValue<string>();
            if (kind is null)
            {
                continue;
            }

            var y = Numbers(trace!["y"]);
            var bases = Numbers(trace["customdata"]);
            var label = $"{where} / {trace["name"]?.GetValue<string>()}";
            double? previous = null;
            for (var i = 0; i < Math.Min(y.Count, bases.Count); i++)
            {
                if (y[i] is not { } share || bases[i] is not { } n)
                {
                    continue;
                }

                foreach (var count in new[] { share * n, (1 - share) * n })
                {
                    if (count is > 0.5 && count < _minimum - Slack - (DisclosureControl.RoundingBase / 2.0))
                    {
                        yield return new(name, label, string.Create(CultureInfo.InvariantCulture, $"point {i}: {share:0.####} of {n} is {count:0.#} persons"));
                    }
                }

                if (kind == "cumulative_share" && previous is { } before && (share - before) * n is var step && step > Slack && step < _minimum - Slack)
                {
                    yield return new(name, label, string.Create(CultureInfo.InvariantCulture, $"step {i}: {step:0.#} persons between two points"));
                }

                previous = share;
            }
        }
    }

    private IEnumerable<ScanFinding> ScanNotebook(string text, string name)
    {
        var notebook = JsonNode.Parse(text);
        var cells = notebook?["cells"]?.AsArray() ?? [];
        for (var c = 0; c < cells.Count; c++)
        {
            foreach (var output in cells[c]?["outputs"]?.AsArray() ?? [])
            {
                var data = output?["data"];
                var where = string.Create(CultureInfo.InvariantCulture, $"cell {c + 1}");
                if (data?["text/html"] is { } html)
                {
                    foreach (var finding in ScanHtml(Joined(html), name, where))
                    {
                        yield return finding;
                    }
                }

                if (data?["application/vnd.plotly.v1+json"] is { } figure)
                {
                    foreach (var finding in ScanFigure(figure, name, where))
                    {
                        yield return finding;
                    }
                }
            }
        }
    }

    private IEnumerable<ScanFinding> Identifiers(string text, string name) =>
        Token().Matches(text).Select(m => m.Value).Where(_personIds.Contains).Distinct(StringComparer.Ordinal)
            .Select(id => new ScanFinding(name, "text", $"person identifier {id}"));

    // A total row ("all" in the arm label) minus the published rows of its group (same other labels).
    private IEnumerable<ScanFinding> Totals(ResultTable table, string name)
    {
        if (!table.Columns.Any(c => c.Name == "arm"))
        {
            yield break;
        }

        var context = table.Columns.Where(c => c.IsLabel && c.Name is not ("arm" or "arm_name_nl" or "arm_type" or "arm_type_nl" or "stage_label")).Select(c => c.Name).ToList();
        foreach (var group in table.Rows.GroupBy(r => string.Join("|", context.Select(c => r.Labels.GetValueOrDefault(c, string.Empty)))))
        {
            var total = group.FirstOrDefault(r => r.Labels.GetValueOrDefault("arm") == "all");
            var parts = group.Where(r => r != total).ToList();
            if (total is null || parts.Count == 0)
            {
                continue;
            }

            foreach (var column in table.ColumnsOf(ColumnKind.Count).Where(c => !IsRounded(total, c.Name) && parts.All(p => !IsRounded(p, c.Name))))
            {
                if (total.Values.GetValueOrDefault(column.Name) is { } all && parts.Any(p => p.Values.ContainsKey(column.Name)))
                {
                    var rest = all - parts.Sum(p => p.Values.GetValueOrDefault(column.Name) ?? 0);
                    if (rest is > Slack && rest < _minimum - Slack)
                    {
                        yield return new(name, $"{table.Name} / {group.Key} / {column.Name}", string.Create(CultureInfo.InvariantCulture, $"the total {all} minus the published parts leaves {rest}"));
                    }
                }
            }
        }
    }

    // Consecutive points of a cumulative share (key arm|outcome|month) times the arm's persons.
    private IEnumerable<ScanFinding> Curves(ResultTable table, string name)
    {
        if (!table.Columns.Any(c => c.Name == "month") || !table.Columns.Any(c => c.Kind == ColumnKind.Share) || table.Name != "survival_curve")
        {
            yield break;
        }

        var share = table.ColumnsOf(ColumnKind.Share).First();
        foreach (var curve in table.Rows.GroupBy(r => $"{r.Labels.GetValueOrDefault("arm")}|{r.Labels.GetValueOrDefault("outcome")}"))
        {
            var points = curve.Where(r => r.Values.GetValueOrDefault(share.Name) is not null)
                .OrderBy(r => int.Parse(r.Label("month"), CultureInfo.InvariantCulture)).ToList();
            for (var i = 1; i < points.Count; i++)
            {
                if (points[i].Values.GetValueOrDefault(share.Base!) is not { } n)
                {
                    continue;
                }

                var step = (points[i][share.Name]!.Value - points[i - 1][share.Name]!.Value) * n;
                if (step is > Slack && step < _minimum - Slack)
                {
                    yield return new(name, $"{table.Name} / {points[i].Key}", string.Create(CultureInfo.InvariantCulture, $"{step:0.#} persons between month {points[i - 1].Label("month")} and {points[i].Label("month")}"));
                }
            }
        }
    }

    // An arm's size (the flow's "randomised" row) minus any exact count published for that arm.
    private IEnumerable<ScanFinding> ArmParts(ResultFile file, string name)
    {
        if (file.Tables.FirstOrDefault(t => t.Name == "flow") is not { } flow)
        {
            yield break;
        }

        var sizes = flow.Rows.Where(r => r.Labels.GetValueOrDefault("stage") == "randomised" && r.Labels.GetValueOrDefault("arm") is { } arm && arm != "all")
            .Where(r => r.Values.GetValueOrDefault(ResultValue.N) is not null).ToDictionary(r => r.Label("arm"), r => r[ResultValue.N]!.Value, StringComparer.Ordinal);
        foreach (var table in file.Tables)
        {
            foreach (var row in table.Rows.Where(r => r.Labels.TryGetValue("arm", out var a) && sizes.ContainsKey(a)))
            {
                foreach (var column in table.ColumnsOf(ColumnKind.Count).Where(c => !IsRounded(row, c.Name)))
                {
                    if (row.Values.GetValueOrDefault(column.Name) is { } part && sizes[row.Label("arm")] - part is var rest && rest > Slack && rest < _minimum - Slack)
                    {
                        yield return new(name, $"{table.Name} / {row.Key} / {column.Name}", string.Create(CultureInfo.InvariantCulture, $"the arm's {sizes[row.Label("arm")]} persons minus {part} leaves {rest}"));
                    }
                }
            }
        }
    }

    private static (JsonNode? Node, string? Problem) Parse(string json)
    {
        try
        {
            return (JsonNode.Parse(json), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, e.Message);
        }
    }

    private static bool IsRounded(ResultRow row, string column) => row.Disclosure.GetValueOrDefault(column) == DisclosureRule.Rounded.Key;

    private string Shows(double n) => string.Create(CultureInfo.InvariantCulture, $"shows {n} persons (fewer than {_minimum})");

    private static List<double?> Numbers(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => v is JsonValue value && value.TryGetValue<double>(out var d) ? d : (double?)null)] : [];

    private static string Joined(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => l?.GetValue<string>())) : node.GetValue<string>();

    [GeneratedRegex("<td[^>]*data-kind=\"count\"[^>]*data-column=\"([^\"]*)\"[^>]*>([0-9][0-9,.]*)")]
    private static partial Regex CountCell();

    [GeneratedRegex(@"<script>\(function\(\)\{var f=(\{.*?\});Plotly\.newPlot\(", RegexOptions.Singleline)]
    private static partial Regex Figure();

    [GeneratedRegex("[A-Za-z0-9_-]+")]
    private static partial Regex Token();
}
