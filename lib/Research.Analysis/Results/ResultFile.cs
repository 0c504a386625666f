using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Analysis.Results;

/// <summary>
/// The machine-readable results of one report (a municipality or the synthesis): every estimate with its standard
/// error, interval and n, in named tables. The synthesis reads these files rather than re-estimating silently, and
/// <c>research verify</c> compares them number by number.
/// </summary>
/// <param name="Site">Municipality key, or <c>synthesis</c>.</param>
/// <param name="Kind">Kind of report (<c>municipal</c> or <c>synthesis</c>).</param>
/// <param name="Tables">The tables, in report order.</param>
public sealed record ResultFile(string Site, string Kind, IReadOnlyList<ResultTable> Tables)
{
    private static readonly IReadOnlyDictionary<string, string> NoRules = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What each disclosure rule named in the rows' <see cref="ResultRow.Disclosure"/> says, by rule key.</summary>
    public IReadOnlyDictionary<string, string> DisclosureRules { get; init; } = NoRules;

    /// <summary>The file name of a site's results inside an output directory.</summary>
    public static string FileNameFor(string site) => $"{site}.results.json";

    /// <summary>The table called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such table.</exception>
    public ResultTable this[string name] => Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"{Site} has no result table '{name}'");

    /// <summary>
    /// Serialises deterministically: keys in a fixed order, numbers in round-trip form with the invariant culture,
    /// LF line ends. Identical results give identical bytes.
    /// </summary>
    public string ToJson()
    {
        foreach (var table in Tables)
        {
            table.Validated();
        }

        var root = new JsonObject
        {
            ["site"] = Site,
            ["kind"] = Kind,
            ["disclosure_rules"] = new JsonObject(DisclosureRules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => KeyValuePair.Create(r.Key, (JsonNode?)JsonValue.Create(r.Value)))),
            ["tables"] = new JsonArray(Tables.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["title"] = t.Title,
                ["columns"] = new JsonArray(t.Columns.Select(c => (JsonNode)ColumnJson(c)).ToArray()),
                ["footnotes"] = new JsonArray(t.Footnotes.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
                ["rows"] = new JsonArray(t.Rows.Select(r => (JsonNode)RowJson(r)).ToArray()),
            }).ToArray()),
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Writes the file.</summary>
    /// <exception cref="InvalidDataException">A table uses an undeclared column.</exception>
    public void Save(string path) => File.WriteAllText(path, ToJson(), new UTF8Encoding(false));

    /// <summary>Reads a result file.</summary>
    /// <exception cref="InvalidDataException">The file is not a result file; the message names file and property.</exception>
    public static ResultFile Load(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }

        string Text(JsonNode? node, string what) => TextOrNull(node) ?? throw new InvalidDataException($"{path}: {what} must be a string");
        JsonArray Array(JsonNode? node, string what) => node as JsonArray ?? throw new InvalidDataException($"{path}: {what} must be an array");
        JsonObject Object(JsonNode? node, string what) => node as JsonObject ?? throw new InvalidDataException($"{path}: {what} must be an object");

        // A file holds tens of thousands of values: the rows' property names for messages are spelt out only on failure.
        InvalidDataException RowError(string table, int row, string rest) => new($"{path}: {table}.rows[{row}]{rest}");
        Dictionary<string, string> Texts(JsonNode? node, string table, int row, string property, StringComparer? comparer) =>
            (node as JsonObject ?? throw RowError(table, row, $".{property} must be an object"))
                .ToDictionary(l => l.Key, l => TextOrNull(l.Value) ?? throw RowError(table, row, $".{property}.{l.Key} must be a string"), comparer);

        var obj = Object(root, "the document");
        var tables = Array(obj["tables"], "tables").Select((t, i) =>
        {
            var table = Object(t, $"tables[{i}]");
            var name = Text(table["name"], $"tables[{i}].name");
            var rows = Array(table["rows"], $"{name}.rows").Select((r, j) =>
            {
                var row = r as JsonObject ?? throw RowError(name, j, " must be an object");
                var labels = Texts(row["labels"], name, j, "labels", null);
                var values = (row["values"] as JsonObject ?? throw RowError(name, j, ".values must be an object")).ToDictionary(v => v.Key, v => v.Value is null ? (double?)null
                    : v.Value is JsonValue n && n.TryGetValue<double>(out var d) ? d
                    : throw RowError(name, j, $".values.{v.Key} must be a number or null"));
                var withheld = row["disclosure"] is null
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : Texts(row["disclosure"], name, j, "disclosure", StringComparer.Ordinal);
                return new ResultRow(TextOrNull(row["key"]) ?? throw RowError(name, j, ".key must be a string"), labels, values) { Disclosure = withheld };
            }).ToList();
            var footnotes = Array(table["footnotes"], $"{name}.footnotes").Select((f, k) => Text(f, $"{name}.footnotes[{k}]")).ToList();
            var columns = Array(table["columns"], $"{name}.columns").Select((c, k) =>
            {
                var column = Object(c, $"{name}.columns[{k}]");
                var what = $"{name}.columns[{k}]";
                return new ResultColumn(
                    Text(column["name"], what + ".name"),
                    ColumnKeys.Kind(Text(column["kind"], what + ".kind"), $"{path}: {what}.kind"),
                    Text(column["header"], what + ".header"),
                    column["unit"] is null ? ValueUnit.None : ColumnKeys.Unit(Text(column["unit"], what + ".unit"), $"{path}: {what}.unit"),
                    column["base"] is null ? null : Text(column["base"], what + ".base"),
                    column["describes"] is null ? null : Text(column["describes"], what + ".describes"));
            }).ToList();
            try
            {
                return new ResultTable(name, Text(table["title"], $"{name}.title"), columns, rows, footnotes).Validated();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
        }).ToList();
        var rules = obj["disclosure_rules"] is null ? NoRules
            : Object(obj["disclosure_rules"], "disclosure_rules").ToDictionary(r => r.Key, r => Text(r.Value, $"disclosure_rules.{r.Key}"), StringComparer.Ordinal);
        return new ResultFile(Text(obj["site"], "site"), Text(obj["kind"], "kind"), tables) { DisclosureRules = rules };
    }

    private static string? TextOrNull(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject ColumnJson(ResultColumn column)
    {
        var json = new JsonObject { ["name"] = column.Name, ["kind"] = ColumnKeys.Of(column.Kind), ["header"] = column.Header };
        if (column.Unit != ValueUnit.None)
        {
            json["unit"] = ColumnKeys.Of(column.Unit);
        }

        if (column.Base is not null)
        {
            json["base"] = column.Base;
        }

        if (column.Describes is not null)
        {
            json["describes"] = column.Describes;
        }

        return json;
    }

    private static JsonObject RowJson(ResultRow row)
    {
        var json = new JsonObject
        {
            ["key"] = row.Key,
            ["labels"] = new JsonObject(row.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))),
            ["values"] = new JsonObject(row.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, Number(v.Value)))),
        };
        if (row.Disclosure.Count > 0)
        {
            json["disclosure"] = new JsonObject(row.Disclosure.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => KeyValuePair.Create(w.Key, (JsonNode?)JsonValue.Create(w.Value))));
        }

        return json;
    }

    private static JsonNode? Number(double? value) => value switch
    {
        null => null,
        { } v when !double.IsFinite(v) => throw new InvalidOperationException($"a result value is {v.ToString(CultureInfo.InvariantCulture)}; non-finite numbers must not reach a result file"),
        { } v => JsonValue.Create(v),
    };
}
