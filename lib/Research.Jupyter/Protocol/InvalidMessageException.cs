using System.Text.Json.Nodes;

namespace Research.Jupyter.Protocol;

/// <summary>
/// A message that cannot be accepted: a wrong or missing signature, a replayed signature, or frames that are not a
/// Jupyter message. Such messages are never executed.
/// </summary>
public sealed class InvalidMessageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidMessageException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public InvalidMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the sender proved it holds the key; only then may it get an error reply.</summary>
    public bool Authenticated { get; init; }

    /// <summary>The sender's routing identities, to reply to an authenticated but malformed request.</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = Array.Empty<byte[]>();

    /// <summary>The request's header when it could be read (then a reply can name its parent).</summary>
    public JsonObject? Header { get; init; }
}
