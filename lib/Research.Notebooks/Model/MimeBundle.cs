using System.Collections;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Research.Notebooks;

/// <summary>
/// The <c>data</c> of a display or result: one representation per MIME type. Text types hold a string;
/// JSON types (<c>application/json</c>, <c>application/*+json</c>) hold a JSON value, as nbformat requires.
/// </summary>
public sealed partial class MimeBundle : IEnumerable<KeyValuePair<string, JsonNode>>
{
    /// <summary>Plain text, which every bundle this host produces contains.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML.</summary>
    public const string Html = "text/html";

    /// <summary>Markdown source.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>The Plotly figure JSON that JupyterLab renders natively.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    private readonly SortedDictionary<string, JsonNode> _items = new(StringComparer.Ordinal);

    /// <summary>The MIME types present.</summary>
    public IEnumerable<string> MimeTypes => _items.Keys;

    /// <summary>The number of representations.</summary>
    public int Count => _items.Count;

    /// <summary>Whether <paramref name="mimeType"/> holds a JSON value rather than text.</summary>
    public static bool IsJsonMimeType(string mimeType) => JsonMime().IsMatch(mimeType);

    /// <summary>Sets the text representation for <paramref name="mimeType"/>.</summary>
    public MimeBundle Set(string mimeType, string text)
    {
        _items[mimeType] = IsJsonMimeType(mimeType) ? JsonNode.Parse(text)! : JsonValue.Create(text);
        return this;
    }

    /// <summary>Sets a JSON representation; the MIME type must be a JSON type.</summary>
    public MimeBundle SetJson(string mimeType, JsonNode value)
    {
        if (!IsJsonMimeType(mimeType))
        {
            throw new ArgumentException($"MIME type '{mimeType}' is not a JSON type; use Set with text.", nameof(mimeType));
        }

        _items[mimeType] = value;
        return this;
    }

    /// <summary>Whether the bundle has <paramref name="mimeType"/>.</summary>
    public bool Contains(string mimeType) => _items.ContainsKey(mimeType);

    /// <summary>The text for <paramref name="mimeType"/>, or null (JSON values are returned serialized).</summary>
    public string? GetText(string mimeType) => _items.TryGetValue(mimeType, out var node)
        ? node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString()
        : null;

    /// <summary>Removes <paramref name="mimeType"/>; returns whether it was present.</summary>
    public bool Remove(string mimeType) => _items.Remove(mimeType);

    /// <summary>A deep copy of the bundle.</summary>
    public MimeBundle Copy()
    {
        var copy = new MimeBundle();
        foreach (var (mime, node) in _items)
        {
            copy._items[mime] = node.DeepClone();
        }

        return copy;
    }

    /// <summary>The raw node for <paramref name="mimeType"/>, or null.</summary>
    public JsonNode? GetNode(string mimeType) => _items.GetValueOrDefault(mimeType);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonNode>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [GeneratedRegex(@"^application/(.*\+)?json$")]
    private static partial Regex JsonMime();
}
