using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Research.Jupyter.Protocol;

/// <summary>Makes the kernel's messages: headers with this kernel session's id, replies routed back, broadcasts with a topic.</summary>
public sealed class MessageFactory
{
    /// <summary>The protocol version the kernel speaks (control-channel interrupts arrived in 5.3).</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The kernel session id, new for every kernel process.</summary>
    public string Session { get; } = Guid.NewGuid().ToString();

    /// <summary>A reply to <paramref name="request"/>, routed back to its sender.</summary>
    public JupyterMessage Reply(JupyterMessage request, string messageType, JsonObject content) => new()
    {
        Identities = request.Identities,
        Header = Header(messageType),
        ParentHeader = request.Header,
        Content = content,
    };

    /// <summary>An IOPub message caused by <paramref name="parent"/> (null: by nothing, e.g. the starting status).</summary>
    public JupyterMessage Broadcast(JupyterMessage? parent, string messageType, JsonObject content) => new()
    {
        Identities = new[] { Encoding.UTF8.GetBytes($"kernel.{Session}.{messageType}") },
        Header = Header(messageType),
        ParentHeader = parent?.Header ?? new JsonObject(),
        Content = content,
    };

    /// <summary>A message to the front end that sent <paramref name="parent"/>, on the stdin channel.</summary>
    public JupyterMessage Request(JupyterMessage parent, string messageType, JsonObject content) => Reply(parent, messageType, content);

    private JsonObject Header(string messageType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = Session,
        ["username"] = "research",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}
