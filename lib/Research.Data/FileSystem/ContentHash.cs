using System.Security.Cryptography;

namespace Research.Data.FileSystem;

/// <summary>
/// The SHA-256 of a file's bytes, as the provenance records and the pipeline's cache key inputs (the extract cache, which
/// every notebook process reads, uses a faster digest: <see cref="Caching.CacheDigest"/>).
/// </summary>
public static class ContentHash
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="file"/> (streamed: a 2 GB register costs a buffer, not 2 GB).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string OfFile(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
