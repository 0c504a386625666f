using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Data.Schema;

/// <summary>Reads typed properties out of a JSON descriptor, naming the file and JSON path in every error.</summary>
internal sealed class DescriptorReader(string file)
{
    public string File { get; } = file;

    public JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw Fail("$", "the document must be a JSON object");
        }
        catch (JsonException e)
        {
            throw Fail($"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}");
        }
    }

    public DescriptorException Fail(string location, string problem) => new(File, location, problem);

    public string RequiredString(JsonObject obj, string property, string at) =>
        OptionalString(obj, property, at) ?? throw Fail($"{at}.{property}", "required string is missing");

    public string? OptionalString(JsonObject obj, string property, string at)
    {
        if (!obj.TryGetPropertyValue(property, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw Fail($"{at}.{property}", $"expected a string, found {node.ToJsonString()}");
    }

    public bool OptionalBool(JsonObject obj, string property, string at, bool fallback)
    {
        if (!obj.TryGetPropertyValue(property, out var node) || node is null)
        {
            return fallback;
        }

        return node is JsonValue v && v.TryGetValue<bool>(out var b)
            ? b
            : throw Fail($"{at}.{property}", $"expected true or false, found {node.ToJsonString()}");
    }

    public int RequiredInt(JsonObject obj, string property, string at)
    {
        if (!obj.TryGetPropertyValue(property, out var node) || node is null)
        {
            throw Fail($"{at}.{property}", "required integer is missing");
        }

        return node is JsonValue v && v.TryGetValue<int>(out var i)
            ? i
            : throw Fail($"{at}.{property}", $"expected an integer, found {node.ToJsonString()}");
    }

    public JsonArray? OptionalArray(JsonObject obj, string property, string at)
    {
        if (!obj.TryGetPropertyValue(property, out var node) || node is null)
        {
            return null;
        }

        return node as JsonArray ?? throw Fail($"{at}.{property}", $"expected an array, found {node.ToJsonString()}");
    }

    public JsonArray RequiredArray(JsonObject obj, string property, string at) =>
        OptionalArray(obj, property, at) ?? throw Fail($"{at}.{property}", "required array is missing");

    public JsonObject? OptionalObject(JsonObject obj, string property, string at)
    {
        if (!obj.TryGetPropertyValue(property, out var node) || node is null)
        {
            return null;
        }

        return node as JsonObject ?? throw Fail($"{at}.{property}", $"expected an object, found {node.ToJsonString()}");
    }

    public JsonObject ObjectAt(JsonArray array, int index, string at) =>
        array[index] as JsonObject ?? throw Fail($"{at}[{index}]", "expected an object");

    public IReadOnlyList<string>? OptionalStrings(JsonObject obj, string property, string at)
    {
        var array = OptionalArray(obj, property, at);
        if (array is null)
        {
            return null;
        }

        var result = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = array[i] is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw Fail($"{at}.{property}[{i}]", $"expected a string, found {array[i]?.ToJsonString() ?? "null"}");
        }

        return result;
    }

    /// <summary>A string or an array of strings (Frictionless allows both for key field lists).</summary>
    public IReadOnlyList<string> StringOrStrings(JsonObject obj, string property, string at)
    {
        if (obj[property] is JsonValue single && single.TryGetValue<string>(out var s))
        {
            return [s];
        }

        return OptionalStrings(obj, property, at) ?? throw Fail($"{at}.{property}", "required string or array of strings is missing");
    }

    /// <summary>A scalar written as JSON string or number, returned in its lexical form.</summary>
    public string? OptionalLexical(JsonObject obj, string property, string at)
    {
        if (!obj.TryGetPropertyValue(property, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            if (v.TryGetValue<string>(out var s))
            {
                return s;
            }

            if (v.GetValueKind() == JsonValueKind.Number)
            {
                return v.ToJsonString();
            }
        }

        throw Fail($"{at}.{property}", $"expected a string or number, found {node.ToJsonString()}");
    }

    public char OptionalChar(JsonObject obj, string property, string at, char fallback)
    {
        var s = OptionalString(obj, property, at);
        if (s is null)
        {
            return fallback;
        }

        return s.Length == 1 ? s[0] : throw Fail($"{at}.{property}", $"expected a single character, found \"{s}\"");
    }
}
