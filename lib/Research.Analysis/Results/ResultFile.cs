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
        var root = new JsonObject
        {
            ["site"] = Site,
            ["kind"] = Kind,
            ["tables"] = new JsonArray(Tables.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["title"] = t.Title,
                ["footnotes"] = new JsonArray(t.Footnotes.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
                ["rows"] = new JsonArray(t.Rows.Select(r => (JsonNode)new JsonObject
                {
                    ["key"] = r.Key,
                    ["labels"] = new JsonObject(r.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))),
                    ["values"] = new JsonObject(r.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, Number(v.Value)))),
                }).ToArray()),
            }).ToArray()),
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Writes the file.</summary>
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

        string Text(JsonNode? node, string what) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InvalidDataException($"{path}: {what} must be a string");
        JsonArray Array(JsonNode? node, string what) => node as JsonArray ?? throw new InvalidDataException($"{path}: {what} must be an array");
        JsonObject Object(JsonNode? node, string what) => node as JsonObject ?? throw new InvalidDataException($"{path}: {what} must be an object");

        var obj = Object(root, "the document");
        var tables = Array(obj["tables"], "tables").Select((t, i) =>
        {
            var table = Object(t, $"tables[{i}]");
            var name = Text(table["name"], $"tables[{i}].name");
            var rows = Array(table["rows"], $"{name}.rows").Select((r, j) =>
            {
                var row = Object(r, $"{name}.rows[{j}]");
                var labels = Object(row["labels"], $"{name}.rows[{j}].labels").ToDictionary(l => l.Key, l => Text(l.Value, $"{name}.rows[{j}].labels.{l.Key}"));
                var values = Object(row["values"], $"{name}.rows[{j}].values").ToDictionary(v => v.Key, v => v.Value is null ? (double?)null
                    : v.Value is JsonValue n && n.TryGetValue<double>(out var d) ? d
                    : throw new InvalidDataException($"{path}: {name}.rows[{j}].values.{v.Key} must be a number or null"));
                return new ResultRow(Text(row["key"], $"{name}.rows[{j}].key"), labels, values);
            }).ToList();
            var footnotes = Array(table["footnotes"], $"{name}.footnotes").Select((f, k) => Text(f, $"{name}.footnotes[{k}]")).ToList();
            return new ResultTable(name, Text(table["title"], $"{name}.title"), rows, footnotes);
        }).ToList();
        return new ResultFile(Text(obj["site"], "site"), Text(obj["kind"], "kind"), tables);
    }

    private static JsonNode? Number(double? value) => value switch
    {
        null => null,
        { } v when !double.IsFinite(v) => throw new InvalidOperationException($"a result value is {v.ToString(CultureInfo.InvariantCulture)}; non-finite numbers must not reach a result file"),
        { } v => JsonValue.Create(v),
    };
}
