using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>
/// Serializes JSON exactly as nbformat's writer does (<c>json.dumps(nb, indent=1, sort_keys=True,
/// ensure_ascii=False)</c> plus a trailing newline), so notebooks written here diff minimally against Jupyter tools.
/// </summary>
public static class NbformatJsonWriter
{
    // The characters a string escapes: quote, backslash and the C0 controls.
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\"\\" + string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)));

    /// <summary>Serializes <paramref name="node"/> in nbformat style, ending with a newline.</summary>
    public static string Write(JsonNode node)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(node, text);
        return text.ToString();
    }

    /// <summary>Serializes <paramref name="node"/> to <paramref name="writer"/> (e.g. straight into a file, without the whole text in memory).</summary>
    public static void Write(JsonNode node, TextWriter writer) => Write(node, writer, written: null);

    /// <summary>
    /// Serializes <paramref name="node"/> as <see cref="Write(JsonNode, TextWriter)"/> does, except that a node found in
    /// <paramref name="written"/> (by reference) is not serialized: its text there is written instead, which must be
    /// what <see cref="WriteAt"/> gave for the same content at the same depth.
    /// </summary>
    internal static void Write(JsonNode node, TextWriter writer, IReadOnlyDictionary<JsonNode, string>? written)
    {
        WriteNode(writer, node, 0, written);
        writer.Write('\n');
    }

    /// <summary>The text of <paramref name="node"/> as it is written <paramref name="depth"/> levels deep (its first line not indented, no newline after it).</summary>
    internal static string WriteAt(JsonNode node, int depth)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteNode(text, node, depth, written: null);
        return text.ToString();
    }

    private static void WriteNode(TextWriter writer, JsonNode? node, int depth, IReadOnlyDictionary<JsonNode, string>? written)
    {
        if (node is not null && written is not null && written.TryGetValue(node, out var text))
        {
            writer.Write(text);
            return;
        }

        switch (node)
        {
            case null:
                writer.Write("null");
                break;
            case JsonObject obj:
                WriteObject(writer, obj, depth, written);
                break;
            case JsonArray array:
                WriteArray(writer, array, depth, written);
                break;
            case JsonValue value:
                WriteValue(writer, value);
                break;
        }
    }

    private static void WriteObject(TextWriter writer, JsonObject obj, int depth, IReadOnlyDictionary<JsonNode, string>? written)
    {
        if (obj.Count == 0)
        {
            writer.Write("{}");
            return;
        }

        writer.Write('{');
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(first ? "\n" : ",\n");
            first = false;
            Indent(writer, depth + 1);
            WriteString(writer, key);
            writer.Write(": ");
            WriteNode(writer, value, depth + 1, written);
        }

        writer.Write('\n');
        Indent(writer, depth);
        writer.Write('}');
    }

    private static void WriteArray(TextWriter writer, JsonArray array, int depth, IReadOnlyDictionary<JsonNode, string>? written)
    {
        if (array.Count == 0)
        {
            writer.Write("[]");
            return;
        }

        writer.Write('[');
        for (var i = 0; i < array.Count; i++)
        {
            writer.Write(i == 0 ? "\n" : ",\n");
            Indent(writer, depth + 1);
            WriteNode(writer, array[i], depth + 1, written);
        }

        writer.Write('\n');
        Indent(writer, depth);
        writer.Write(']');
    }

    private static void WriteValue(TextWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(writer, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                writer.Write("true");
                break;
            case JsonValueKind.False:
                writer.Write("false");
                break;
            case JsonValueKind.Null:
                writer.Write("null");
                break;
            default:
                // Numbers keep the text they were read with (or System.Text.Json's invariant rendering).
                writer.Write(value.ToJsonString());
                break;
        }
    }

    // Python's json escaping with ensure_ascii=False: only quote, backslash and control characters are escaped. The text
    // between them is written a run at a time: a report's notebook is about a megabyte of HTML and figure JSON, written
    // again after every cell.
    private static void WriteString(TextWriter writer, string text)
    {
        writer.Write('"');
        var rest = text.AsSpan();
        while (rest.IndexOfAny(Escaped) is var next && next >= 0)
        {
            writer.Write(rest[..next]);
            var c = rest[next];
            rest = rest[(next + 1)..];
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case '\b': writer.Write("\\b"); break;
                case '\f': writer.Write("\\f"); break;
                default: writer.Write("\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        writer.Write(rest);
        writer.Write('"');
    }

    private static void Indent(TextWriter writer, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            writer.Write(' ');
        }
    }
}
