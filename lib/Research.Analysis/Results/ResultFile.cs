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

    // A property given twice is refused: which of the two a reader took would otherwise be the parser's choice.
    private static readonly JsonDocumentOptions ReadOptions = new() { AllowDuplicateProperties = false };

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
    /// <remarks>
    /// Read through a <see cref="JsonDocument"/> over the file's bytes, not a tree of nodes over its text: a file holds
    /// tens of thousands of values, and the pipeline, the synthesis and <c>verify</c> read every report's file.
    /// </remarks>
    public static ResultFile Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutByteOrderMark(File.ReadAllBytes(path)), ReadOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return Read(document.RootElement, path);
        }
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;

    private static ResultFile Read(JsonElement root, string path)
    {
        string Text(JsonElement? node, string what) => TextOrNull(node) ?? throw new InvalidDataException($"{path}: {what} must be a string");
        JsonElement Array(JsonElement? node, string what) => node is { ValueKind: JsonValueKind.Array } a ? a : throw new InvalidDataException($"{path}: {what} must be an array");
        JsonElement Object(JsonElement? node, string what) => node is { ValueKind: JsonValueKind.Object } o ? o : throw new InvalidDataException($"{path}: {what} must be an object");

        // A file holds tens of thousands of values: the rows' property names for messages are spelt out only on failure.
        InvalidDataException RowError(string table, int row, string rest) => new($"{path}: {table}.rows[{row}]{rest}");
        Dictionary<string, string> Texts(JsonElement? node, string table, int row, string property) =>
            (node is { ValueKind: JsonValueKind.Object } o ? o : throw RowError(table, row, $".{property} must be an object"))
                .EnumerateObject()
                .ToDictionary(l => l.Name, l => TextOrNull(l.Value) ?? throw RowError(table, row, $".{property}.{l.Name} must be a string"), StringComparer.Ordinal);

        var obj = Object(root, "the document");
        var tables = Array(Property(obj, "tables"), "tables").EnumerateArray().Select((t, i) =>
        {
            var table = Object(t, $"tables[{i}]");
            var name = Text(Property(table, "name"), $"tables[{i}].name");
            var rows = Array(Property(table, "rows"), $"{name}.rows").EnumerateArray().Select((row, j) =>
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw RowError(name, j, " must be an object");
                }

                var labels = Texts(Property(row, "labels"), name, j, "labels");
                // A number too large for a double (1e999) is refused, as writing refuses one: results are finite.
                var values = (Property(row, "values") is { ValueKind: JsonValueKind.Object } v ? v : throw RowError(name, j, ".values must be an object"))
                    .EnumerateObject()
                    .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (double?)null
                        : p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var d) && double.IsFinite(d) ? d
                        : throw RowError(name, j, $".values.{p.Name} must be a number or null"), StringComparer.Ordinal);
                var withheld = Property(row, "disclosure") is { } disclosure
                    ? Texts(disclosure, name, j, "disclosure")
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                return new ResultRow(TextOrNull(Property(row, "key")) ?? throw RowError(name, j, ".key must be a string"), labels, values) { Disclosure = withheld };
            }).ToList();
            var footnotes = Array(Property(table, "footnotes"), $"{name}.footnotes").EnumerateArray().Select((f, k) => Text(f, $"{name}.footnotes[{k}]")).ToList();
            var columns = Array(Property(table, "columns"), $"{name}.columns").EnumerateArray().Select((c, k) =>
            {
                var what = $"{name}.columns[{k}]";
                var column = Object(c, what);
                return new ResultColumn(
                    Text(Property(column, "name"), what + ".name"),
                    ColumnKeys.Kind(Text(Property(column, "kind"), what + ".kind"), $"{path}: {what}.kind"),
                    Text(Property(column, "header"), what + ".header"),
                    Property(column, "unit") is { } unit ? ColumnKeys.Unit(Text(unit, what + ".unit"), $"{path}: {what}.unit") : ValueUnit.None,
                    Property(column, "base") is { } baseColumn ? Text(baseColumn, what + ".base") : null,
                    Property(column, "describes") is { } described ? Text(described, what + ".describes") : null);
            }).ToList();
            try
            {
                return new ResultTable(name, Text(Property(table, "title"), $"{name}.title"), columns, rows, footnotes).Validated();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
        }).ToList();
        var rules = Property(obj, "disclosure_rules") is { } declared
            ? Object(declared, "disclosure_rules").EnumerateObject().ToDictionary(r => r.Name, r => Text(r.Value, $"disclosure_rules.{r.Name}"), StringComparer.Ordinal)
            : NoRules;
        return new ResultFile(Text(Property(obj, "site"), "site"), Text(Property(obj, "kind"), "kind"), tables) { DisclosureRules = rules };
    }

    // An absent property and one that is JSON null are the same: not given.
    private static JsonElement? Property(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? TextOrNull(JsonElement? node) => node is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

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
