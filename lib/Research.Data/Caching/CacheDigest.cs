using System.IO.Hashing;

namespace Research.Data.Caching;

/// <summary>
/// The digest the extract cache keys and checks its files by: XXH3's 128-bit hash (<see cref="XxHash128"/>), as 32
/// lower-case hex digits. Provenance records and the pipeline's cache keep SHA-256
/// (<see cref="FileSystem.ContentHash"/>), which a reviewer can recompute with <c>sha256sum</c>.
/// </summary>
/// <remarks>
/// <para>Every report process hashes the whole extract to find its entry and every partition it reads to check it, so
/// the hash is paid by each of run-all's notebooks: SHA-256 ran at 1.35 GB/s here (0.7 CPU-s per national extract
/// and process, about 6 of a national run's 118 CPU-s), XXH3-128 at about 7 GB/s, as fast as the file is read.</para>
/// <para>The digest only has to tell files apart that differ by accident (an edited, regenerated or damaged file), and
/// a 128-bit hash does that with a collision chance of about n²/2¹²⁹. It is not a defence against a forger, and needs
/// none: the cache lies inside the extract directory, so whoever can write a file the digest would be fooled by can
/// write the cache entry itself.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal static class CacheDigest
{
    private const int BufferBytes = 1 << 20;

    /// <summary>The digest of <paramref name="file"/>'s bytes (streamed: a 2 GB register costs a buffer, not 2 GB).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string OfFile(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);
        var hash = new XxHash128();
        hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>The digest of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));
}
