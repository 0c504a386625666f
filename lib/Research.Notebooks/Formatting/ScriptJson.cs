using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Notebooks.Formatting;

/// <summary>
/// JSON written inside an HTML <c>&lt;script&gt;</c> element. <see cref="JavaScriptEncoder.Default"/> escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and every non-ASCII character as <c>\uXXXX</c>, so no value (an arm
/// called <c>&lt;/script&gt;&lt;script&gt;…</c>, a U+2028 line separator) can end the script or the string it is in.
/// </summary>
public static class ScriptJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary><paramref name="node"/> as a JavaScript literal safe inside a script element.</summary>
    public static string Literal(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }
}
