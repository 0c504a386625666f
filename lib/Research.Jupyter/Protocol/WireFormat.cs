using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Jupyter.Protocol;

/// <summary>
/// Jupyter messages as ZeroMQ multipart frames: <c>identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header,
/// metadata, content, buffers…</c>. Reading checks the signature over the exact bytes received before any JSON is
/// parsed, so a forged message is never even looked at.
/// </summary>
public static class WireFormat
{
    /// <summary>The frame between the routing identities and the signature.</summary>
    public const string Delimiter = "<IDS|MSG>";

    /// <summary>The largest content frame the kernel reads; a larger request gets an error reply.</summary>
    public const int MaxContentBytes = 32 * 1024 * 1024;

    private static readonly byte[] DelimiterBytes = Encoding.ASCII.GetBytes(Delimiter);

    /// <summary>Reads and verifies a message.</summary>
    /// <exception cref="InvalidMessageException">Bad or missing signature, a replay, missing frames, or JSON that is not an object.</exception>
    public static JupyterMessage Decode(IReadOnlyList<byte[]> frames, MessageSigner signer, ReplayGuard? replays = null)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(DelimiterBytes))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            throw new InvalidMessageException(string.Create(CultureInfo.InvariantCulture,
                $"not a Jupyter message: {frames.Count} frame(s) without the '{Delimiter}' delimiter followed by signature, header, parent_header, metadata and content."));
        }

        var identities = frames.Take(delimiter).ToArray();
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var (header, parent, metadata, content) = (frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5]);
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            throw new InvalidMessageException(signature.Length == 0 ? "the message is not signed; the connection key requires a signature." : "the message signature does not match the connection key.");
        }

        if (replays is not null && signer.IsSigning && !replays.Accept(signature))
        {
            throw new InvalidMessageException("the message repeats the signature of an earlier message (a replay).");
        }

        var headerObject = TryObject(header);
        if (headerObject is null || JupyterMessage.Text(headerObject, "msg_type") is null)
        {
            throw new InvalidMessageException("the message header is not a JSON object with a msg_type.") { Authenticated = true, Identities = identities };
        }

        if (content.Length > MaxContentBytes)
        {
            var size = string.Create(CultureInfo.InvariantCulture, $"{content.Length / 1048576.0:0.0} MiB; the kernel reads at most {MaxContentBytes / 1048576} MiB");
            throw new InvalidMessageException($"the message content is {size}.") { Authenticated = true, Identities = identities, Header = headerObject };
        }

        return new JupyterMessage
        {
            Identities = identities,
            Header = headerObject,
            ParentHeader = TryObject(parent) ?? throw Malformed("parent_header", identities, headerObject),
            Metadata = TryObject(metadata) ?? throw Malformed("metadata", identities, headerObject),
            Content = TryObject(content) ?? throw Malformed("content", identities, headerObject),
            Buffers = frames.Skip(delimiter + 6).ToArray(),
        };
    }

    /// <summary>The frames of <paramref name="message"/>, signed.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        var header = Serialize(message.Header);
        var parent = Serialize(message.ParentHeader);
        var metadata = Serialize(message.Metadata);
        var content = Serialize(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(DelimiterBytes);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    private static byte[] Serialize(JsonObject node) => JsonSerializer.SerializeToUtf8Bytes(node);

    private static JsonObject? TryObject(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static InvalidMessageException Malformed(string part, IReadOnlyList<byte[]> identities, JsonObject header) =>
        new($"the message {part} is not a JSON object.") { Authenticated = true, Identities = identities, Header = header };
}
