using System.Text.Json.Nodes;

namespace Research.Jupyter.Protocol;

/// <summary>
/// One Jupyter message: the routing identities it came with (replies go back to them), its header, the header of the
/// request it answers, metadata, content and raw buffers.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The ZeroMQ routing frames before the delimiter (on IOPub: the topic).</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = Array.Empty<byte[]>();

    /// <summary>The header: <c>msg_id</c>, <c>session</c>, <c>username</c>, <c>date</c>, <c>msg_type</c>, <c>version</c>.</summary>
    public required JsonObject Header { get; init; }

    /// <summary>The header of the message this one answers; empty when it answers none.</summary>
    public JsonObject ParentHeader { get; init; } = new();

    /// <summary>The metadata.</summary>
    public JsonObject Metadata { get; init; } = new();

    /// <summary>The content, whose shape depends on the message type.</summary>
    public JsonObject Content { get; init; } = new();

    /// <summary>Raw binary buffers after the content.</summary>
    public IReadOnlyList<byte[]> Buffers { get; init; } = Array.Empty<byte[]>();

    /// <summary>The <c>msg_type</c> of the header, or empty.</summary>
    public string MessageType => Text(Header, "msg_type") ?? string.Empty;

    /// <summary>The <c>msg_id</c> of the header, or empty.</summary>
    public string MessageId => Text(Header, "msg_id") ?? string.Empty;

    /// <summary>A string field of <paramref name="node"/>, or null when absent or not a string.</summary>
    public static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A boolean field of <paramref name="node"/>, or <paramref name="fallback"/> when absent or not a boolean.</summary>
    public static bool Flag(JsonObject node, string name, bool fallback) =>
        node[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    /// <summary>An integer field of <paramref name="node"/>, or <paramref name="fallback"/> when absent or not an integer.</summary>
    public static int Number(JsonObject node, string name, int fallback) =>
        node[name] is JsonValue value && value.TryGetValue<double>(out var number) && number is >= int.MinValue and <= int.MaxValue && number == Math.Floor(number)
            ? (int)number
            : fallback;
}
