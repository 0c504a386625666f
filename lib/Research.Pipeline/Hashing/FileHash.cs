using System.Security.Cryptography;
using System.Text;
using Research.Data.FileSystem;

namespace Research.Pipeline.Hashing;

/// <summary>A file and the SHA-256 of its bytes, recorded by a path relative to a directory (never an absolute path).</summary>
/// <param name="Path">The path relative to the directory it was recorded against, with <c>/</c> separators.</param>
/// <param name="Sha256">Lower-case hex SHA-256.</param>
public sealed record FileHash(string Path, string Sha256)
{
    /// <summary>Hashes <paramref name="file"/>, recording its path relative to <paramref name="root"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FileHash Of(string file, string root) =>
        new(System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), OfFile(file));

    /// <summary>The SHA-256 of a file's bytes (streamed: a 2 GB register costs a buffer, not 2 GB).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string OfFile(string file) => ContentHash.OfFile(file);

    /// <summary>The SHA-256 of a text's UTF-8 bytes.</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One SHA-256 over a list of strings (each followed by a newline).</summary>
    public static string Combine(IEnumerable<string> parts) => OfText(string.Concat(parts.Select(p => p + "\n")));
}
