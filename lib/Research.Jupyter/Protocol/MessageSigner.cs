using System.Security.Cryptography;
using System.Text;

namespace Research.Jupyter.Protocol;

/// <summary>
/// HMAC-SHA256 over a message's header, parent header, metadata and content frames, as lowercase hex (the Jupyter wire
/// protocol). With an empty key messages are unsigned and every signature is accepted, as the specification says.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer for <paramref name="key"/> (the connection file's <c>key</c>).</summary>
    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    /// <summary>Whether messages are signed.</summary>
    public bool IsSigning => _key.Length > 0;

    /// <summary>The signature of the four frames, or the empty string when not signing.</summary>
    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content) =>
        IsSigning ? Convert.ToHexStringLower(Digest(header, parent, metadata, content)) : string.Empty;

    /// <summary>Whether <paramref name="signature"/> (hex) is the signature of the frames; compared in constant time.</summary>
    public bool Verify(string signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsSigning)
        {
            return true;
        }

        if (signature.Length != 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Digest(header, parent, metadata, content));
    }

    private byte[] Digest(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }
}
