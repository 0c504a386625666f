using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Research.Scales.Instruments;

/// <summary>
/// Reads an instrument declaration: JSON syntax, then the format's JSON Schema, then semantic checks the schema cannot
/// express (unique columns, recode tables covering the range, band overlaps, references to sources and items).
/// Every failure is an <see cref="InstrumentFormatException"/> naming the file and the field.
/// </summary>
public static class InstrumentReader
{
    /// <summary>Reads and checks one file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InstrumentFormatException">The declaration is malformed.</exception>
    public static Instrument Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Instrument file '{file}' does not exist.", file);
        }

        return Parse(File.ReadAllText(file), Path.GetFileName(file), Path.GetFullPath(file));
    }

    /// <summary>Parses and checks a declaration given as text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <param name="filePath">Recorded as <see cref="Instrument.FilePath"/>; null records <paramref name="fileName"/>.</param>
    /// <exception cref="InstrumentFormatException">The declaration is malformed.</exception>
    public static Instrument Parse(string json, string fileName, string? filePath) => Parse(json, fileName, filePath, checkSchema: true);

    /// <summary>
    /// Parses a declaration embedded in this assembly, skipping the JSON Schema: those files are part of the build and
    /// the test suite checks each against the schema (<c>InstrumentCatalogTests</c>), while evaluating the schema costs
    /// every process about 0.15 s (JsonSchema.Net's first use). The semantic checks still run.
    /// </summary>
    internal static Instrument ParseBundled(string json, string fileName) => Parse(json, fileName, filePath: null, checkSchema: false);

    private static Instrument Parse(string json, string fileName, string? filePath, bool checkSchema)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InstrumentFormatException(fileName, e.Path ?? "",
                $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        if (checkSchema)
        {
            ValidateAgainstSchema(root, fileName);
        }

        return new Builder(fileName, filePath ?? fileName, root!.AsObject()).Build();
    }

    private static readonly Lock SchemaGate = new();

    private static void ValidateAgainstSchema(JsonNode? root, string fileName)
    {
        EvaluationResults result;

        // One parsed schema serves every reader. Evaluated from two threads at once (parallel test classes, a report
        // scoring two instruments), JsonSchema.Net now and then reported a valid band scheme as matching both 'oneOf'
        // branches; declarations are small, so evaluations take turns.
        lock (SchemaGate)
        {
            result = InstrumentSchema.Schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        }
        if (result.IsValid)
        {
            return;
        }

        var errors = new List<(string Location, string Keyword, string Message)>();
        CollectFailures(result, errors);

        // oneOf/anyOf branches produce several failures; the deepest instance location is the most specific one.
        var ordered = errors
            .OrderByDescending(e => e.Location.Count(c => c == '/'))
            .ThenBy(e => e.Keyword == "false" ? 0 : 1)
            .ToList();
        if (ordered.Count == 0)
        {
            throw new InstrumentFormatException(fileName, "", "does not match instrument.schema.json.");
        }

        var (location, keyword, message) = ordered[0];
        var problem = keyword == "false"
            ? $"unknown property '{location[(location.LastIndexOf('/') + 1)..]}' (not part of instrument.schema.json)"
            : $"{message} (schema keyword '{keyword}')";
        var more = ordered.Count > 1 ? $" [{ordered.Count - 1} more schema error(s)]" : "";
        throw new InstrumentFormatException(fileName, location, problem + more);
    }

    /// <summary>Walks only through failed results, so a failed 'if' inside a valid subschema is not reported.</summary>
    private static void CollectFailures(EvaluationResults result, List<(string, string, string)> errors)
    {
        if (result.IsValid)
        {
            return;
        }

        if (result.Errors is { Count: > 0 })
        {
            // A property rejected by "additionalProperties": false reports the false schema; name it plainly.
            var unknownProperty = result.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal);
            errors.AddRange(result.Errors.Select(e => (result.InstanceLocation.ToString(), unknownProperty ? "false" : e.Key, e.Value)));
        }

        foreach (var child in result.Details)
        {
            CollectFailures(child, errors);
        }
    }

    /// <summary>Builds the model from a schema-valid document and applies the semantic checks.</summary>
    private sealed class Builder(string file, string? filePath, JsonObject root)
    {
        private readonly HashSet<string> sourceIds = new(StringComparer.Ordinal);

        public Instrument Build()
        {
            var sources = ReadSources();
            var scale = root["responseScale"]!.AsObject();
            var scaleMin = scale["minimum"]!.GetValue<int>();
            var scaleMax = scale["maximum"]!.GetValue<int>();
            if (scaleMin >= scaleMax)
            {
                Fail("/responseScale", $"minimum ({scaleMin}) must be less than maximum ({scaleMax}).");
            }

            var scaleAnchors = ReadAnchors(scale["anchors"], "/responseScale/anchors", scaleMin, scaleMax);
            if (scale["basis"] is { } scaleBasis)
            {
                ReadBasis(scaleBasis, "/responseScale/basis");
            }

            var missingCodes = ReadMissingCodes();
            var items = ReadItems(scaleMin, scaleMax, scaleAnchors, missingCodes);
            var scores = ReadScores(items);

            return new Instrument(
                id: root["id"]!.GetValue<string>(),
                name: root["name"]!.GetValue<string>(),
                construct: root["construct"]?.GetValue<string>(),
                timeFrame: root["timeFrame"]?.GetValue<string>(),
                language: root["language"]?.GetValue<string>(),
                filePath: filePath,
                sources: sources,
                license: root["license"] is { } license ? ReadBasis(license, "/license") : Basis.None,
                items: items,
                missingCodes: missingCodes,
                scores: scores,
                notes: root["notes"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? []);
        }

        private List<Source> ReadSources()
        {
            var sources = new List<Source>();
            var array = root["sources"]!.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                var node = array[i]!;
                var id = node["id"]!.GetValue<string>();
                if (!sourceIds.Add(id))
                {
                    Fail($"/sources/{i}/id", $"source id '{id}' is declared twice.");
                }

                sources.Add(new Source(id, node["citation"]!.GetValue<string>(), node["url"]?.GetValue<string>()));
            }

            return sources;
        }

        private Dictionary<int, string> ReadMissingCodes()
        {
            var codes = new Dictionary<int, string>();
            foreach (var (key, value) in root["missingCodes"]!.AsObject())
            {
                codes[ParseCode(key, "/missingCodes")] = value!.GetValue<string>();
            }

            return codes;
        }

        private List<InstrumentItem> ReadItems(
            int scaleMin, int scaleMax, IReadOnlyDictionary<int, string> scaleAnchors, IReadOnlyDictionary<int, string> missingCodes)
        {
            var items = new List<InstrumentItem>();
            var columns = new HashSet<string>(StringComparer.Ordinal);
            var array = root["items"]!.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                var at = $"/items/{i}";
                var node = array[i]!.AsObject();
                var column = node["column"]!.GetValue<string>();
                if (!columns.Add(column))
                {
                    Fail($"{at}/column", $"column '{column}' is declared twice.");
                }

                var min = node["minimum"]?.GetValue<int>() ?? scaleMin;
                var max = node["maximum"]?.GetValue<int>() ?? scaleMax;
                if (min >= max)
                {
                    Fail(at, $"item {column}: minimum ({min}) must be less than maximum ({max}).");
                }

                foreach (var code in missingCodes.Keys.Where(c => c >= min && c <= max))
                {
                    Fail("/missingCodes", $"missing code {code} lies inside the valid range {min}–{max} of item {column}; it would be ambiguous.");
                }

                var reverse = node["reverse"]?.GetValue<bool>() ?? false;
                var recode = node["recode"] is { } recodeNode ? ReadRecode(recodeNode.AsObject(), $"{at}/recode", column, min, max) : null;
                if (reverse && recode is not null)
                {
                    Fail($"{at}/reverse", $"item {column}: 'reverse' and 'recode' are mutually exclusive (put the reversal into the recode table).");
                }

                var anchors = node["anchors"] is { } anchorNode ? ReadAnchors(anchorNode, $"{at}/anchors", min, max) : scaleAnchors;
                items.Add(new InstrumentItem(
                    column,
                    node["number"]?.GetValue<int>(),
                    node["topic"]?.GetValue<string>(),
                    min,
                    max,
                    reverse,
                    recode,
                    node["subscales"]?.AsArray().Select(s => s!.GetValue<string>()).ToList() ?? [],
                    anchors,
                    node["basis"] is { } basis ? ReadBasis(basis, $"{at}/basis") : Basis.None));
            }

            return items;
        }

        private Dictionary<int, double> ReadRecode(JsonObject node, string at, string column, int min, int max)
        {
            var table = new Dictionary<int, double>();
            foreach (var (key, value) in node)
            {
                var answer = ParseCode(key, at);
                if (answer < min || answer > max)
                {
                    Fail($"{at}/{key}", $"item {column}: recoded answer {answer} is outside the item range {min}–{max}.");
                }

                table[answer] = value!.GetValue<double>();
            }

            var uncovered = Enumerable.Range(min, max - min + 1).Where(a => !table.ContainsKey(a)).ToList();
            if (uncovered.Count > 0)
            {
                Fail(at, $"item {column}: the recode table must cover every answer {min}–{max}; missing {string.Join(", ", uncovered)}.");
            }

            return table;
        }

        private Dictionary<int, string> ReadAnchors(JsonNode? node, string at, int min, int max)
        {
            var anchors = new Dictionary<int, string>();
            if (node is null)
            {
                return anchors;
            }

            foreach (var (key, value) in node.AsObject())
            {
                var code = ParseCode(key, at);
                if (code < min || code > max)
                {
                    Fail($"{at}/{key}", $"anchor for answer {code} is outside the range {min}–{max}.");
                }

                anchors[code] = value!.GetValue<string>();
            }

            return anchors;
        }

        private List<ScoreDefinition> ReadScores(IReadOnlyList<InstrumentItem> items)
        {
            var scores = new List<ScoreDefinition>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var array = root["scores"]!.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                var at = $"/scores/{i}";
                var node = array[i]!.AsObject();
                var id = node["id"]!.GetValue<string>();
                if (!ids.Add(id))
                {
                    Fail($"{at}/id", $"score id '{id}' is declared twice.");
                }

                var subscale = node["subscale"]?.GetValue<string>();
                var scored = subscale is null ? items.ToList() : items.Where(it => it.Subscales.Contains(subscale)).ToList();
                if (scored.Count == 0)
                {
                    Fail($"{at}/subscale", $"no item belongs to subscale '{subscale}'.");
                }

                var aggregation = node["aggregation"]!.GetValue<string>() == "mean" ? Aggregation.Mean : Aggregation.Sum;
                var missing = ReadMissingRule(node["missing"]!.AsObject(), $"{at}/missing", scored.Count, aggregation);
                var transform = node["transform"] is { } t
                    ? new LinearTransform(t["scale"]!.GetValue<double>(), t["offset"]!.GetValue<double>())
                    : LinearTransform.Identity;

                scores.Add(new ScoreDefinition(
                    id,
                    node["name"]?.GetValue<string>(),
                    subscale,
                    scored,
                    aggregation,
                    transform,
                    missing,
                    ReadBasis(node["basis"]!, $"{at}/basis"),
                    ReadBandSchemes(node["bandSchemes"], $"{at}/bandSchemes", items),
                    node["higherMeans"]?.GetValue<string>()));
            }

            return scores;
        }

        private MissingRule ReadMissingRule(JsonObject node, string at, int itemCount, Aggregation aggregation)
        {
            // A share is rounded up to whole items; the tolerance keeps a product such as 0.07 × 100 = 7.000000000000001 at 7.
            var share = node["minimumShareAnswered"]?.GetValue<double>();
            var minimum = share is { } s ? Math.Max(1, (int)Math.Ceiling((s * itemCount) - 1e-9)) : node["minimumAnswered"]!.GetValue<int>();
            if (minimum > itemCount)
            {
                Fail($"{at}/minimumAnswered", $"{minimum} exceeds the number of items in the score ({itemCount}).");
            }

            var handling = node["handling"]!.GetValue<string>() switch
            {
                "prorate" => MissingHandling.Prorate,
                "sampleItemMean" => MissingHandling.SampleItemMean,
                _ => MissingHandling.None,
            };
            if (handling == MissingHandling.Prorate && aggregation == Aggregation.Mean)
            {
                Fail($"{at}/handling", "'prorate' only applies to a sum; a mean of the answered items needs 'none'.");
            }

            return new MissingRule(minimum, handling, ReadBasis(node["basis"]!, $"{at}/basis"), share);
        }

        private List<BandScheme> ReadBandSchemes(JsonNode? node, string at, IReadOnlyList<InstrumentItem> items)
        {
            var schemes = new List<BandScheme>();
            if (node is null)
            {
                return schemes;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var array = node.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                var schemeAt = $"{at}/{i}";
                var scheme = array[i]!.AsObject();
                var id = scheme["id"]!.GetValue<string>();
                if (!ids.Add(id))
                {
                    Fail($"{schemeAt}/id", $"band scheme id '{id}' is declared twice in this score.");
                }

                schemes.Add(new BandScheme(
                    id,
                    scheme["name"]?.GetValue<string>(),
                    ReadBasis(scheme["basis"]!, $"{schemeAt}/basis"),
                    ReadBands(scheme["bands"], $"{schemeAt}/bands"),
                    ReadRules(scheme["rules"], $"{schemeAt}/rules", items),
                    scheme["otherwise"]?.GetValue<string>()));
            }

            return schemes;
        }

        private List<Band> ReadBands(JsonNode? node, string at)
        {
            var bands = new List<Band>();
            if (node is null)
            {
                return bands;
            }

            var array = node.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                var b = array[i]!;
                var band = new Band(
                    b["label"]!.GetValue<string>(),
                    b["minimum"]!.GetValue<double>(),
                    b["maximum"]!.GetValue<double>(),
                    b["minimumInclusive"]?.GetValue<bool>() ?? true,
                    b["maximumInclusive"]?.GetValue<bool>() ?? true);
                if (band.Minimum > band.Maximum || (band.Minimum == band.Maximum && !(band.MinimumInclusive && band.MaximumInclusive)))
                {
                    Fail($"{at}/{i}", $"band '{band.Label}' is empty (minimum {band.Minimum}, maximum {band.Maximum}).");
                }

                for (var j = 0; j < bands.Count; j++)
                {
                    if (bands[j].Overlaps(band))
                    {
                        Fail($"{at}/{i}", $"band '{band.Label}' overlaps band '{bands[j].Label}' ({at}/{j}); a score must fall in at most one band.");
                    }
                }

                bands.Add(band);
            }

            return bands;
        }

        private List<BandRule> ReadRules(JsonNode? node, string at, IReadOnlyList<InstrumentItem> items)
        {
            var rules = new List<BandRule>();
            if (node is null)
            {
                return rules;
            }

            var array = node.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                var conditions = new List<ItemCondition>();
                var requireAll = array[i]!["all"] is not null;
                var key = requireAll ? "all" : "any";
                var list = array[i]![key]!.AsArray();
                for (var j = 0; j < list.Count; j++)
                {
                    var c = list[j]!;
                    var column = c["column"]!.GetValue<string>();
                    if (items.All(it => it.Column != column))
                    {
                        Fail($"{at}/{i}/{key}/{j}/column", $"rule refers to column '{column}', which is not an item of this instrument.");
                    }

                    conditions.Add(new ItemCondition(column, c["minimum"]?.GetValue<double>(), c["maximum"]?.GetValue<double>()));
                }

                rules.Add(new BandRule(array[i]!["label"]!.GetValue<string>(), conditions, requireAll));
            }

            return rules;
        }

        private Basis ReadBasis(JsonNode node, string at)
        {
            var status = node["status"]!.GetValue<string>() switch
            {
                "sourced" => BasisStatus.Sourced,
                "inferred" => BasisStatus.Inferred,
                "unverified" => BasisStatus.Unverified,
                "convention" => BasisStatus.Convention,
                _ => BasisStatus.NotFound,
            };
            var sources = node["sources"]?.AsArray().Select(s => s!.GetValue<string>()).ToList() ?? [];
            for (var i = 0; i < sources.Count; i++)
            {
                if (!sourceIds.Contains(sources[i]))
                {
                    Fail($"{at}/sources/{i}", $"source '{sources[i]}' is not declared in /sources.");
                }
            }

            return new Basis(status, sources, node["note"]?.GetValue<string>());
        }

        private int ParseCode(string key, string at) =>
            int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                ? code
                : throw new InstrumentFormatException(file, $"{at}/{key}", $"'{key}' is not an integer answer code.");

        private void Fail(string field, string problem) => throw new InstrumentFormatException(file, field, problem);
    }
}
