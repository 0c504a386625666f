using System.Security.Cryptography;

namespace Research.Cli.Pipeline;

/// <summary>A file and the SHA-256 of its bytes.</summary>
/// <param name="Path">The path (relative to the directory it was recorded against).</param>
/// <param name="Sha256">Lower-case hex SHA-256.</param>
public sealed record FileHash(string Path, string Sha256)
{
    /// <summary>Hashes <paramref name="file"/>, recording its path relative to <paramref name="root"/>.</summary>
    public static FileHash Of(string file, string root)
    {
        using var stream = File.OpenRead(file);
        return new FileHash(System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>Every file of <paramref name="directory"/> (not recursive), in ordinal order, relative to it.</summary>
    public static IReadOnlyList<FileHash> OfDirectory(string directory) =>
        Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).Select(f => Of(f, directory)).ToList();

    /// <summary>One SHA-256 over a list of strings (each followed by a newline).</summary>
    public static string Combine(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(parts.Select(p => p + "\n")))));
}
