namespace Research.Data.FileSystem;

/// <summary>
/// The canonical form of a path with every symbolic link resolved, like POSIX <c>realpath</c> but also for paths that
/// do not exist yet (their existing prefix is resolved). Two paths name the same file exactly when their real paths are
/// equal, so this is what input/output checks and containment checks compare.
/// </summary>
/// <remarks>Thread-safe and allocation-light; a link loop is an <see cref="IOException"/>, never a hang or a stack overflow.</remarks>
public static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so do we.
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (relative paths against the current directory).</summary>
    /// <exception cref="IOException">The path runs through a symbolic link loop (or more than 40 links).</exception>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var links = 0;
        return Resolve(Path.Combine(Directory.GetCurrentDirectory(), path), ref links, path);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies below it, both compared as real paths.</summary>
    /// <exception cref="IOException">A path runs through a symbolic link loop.</exception>
    public static bool IsWithin(string path, string directory)
    {
        var real = Of(path);
        var root = Of(directory);
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return real == root || real.StartsWith(prefix, StringComparison.Ordinal);
    }

    // Components are walked in order, so "link/.." means the parent of the link's target, as the kernel reads it
    // (Path.GetFullPath would drop "link/.." before looking at the link).
    private static string Resolve(string rooted, ref int links, string original)
    {
        var root = Path.GetPathRoot(rooted) ?? string.Empty;
        var current = Path.GetFullPath(root);
        foreach (var part in rooted[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"{original}: too many levels of symbolic links (a symbolic link loop?)");
                }

                current = Resolve(Path.Combine(current, target), ref links, original);
            }
            else
            {
                current = next;
            }
        }

        return current;
    }
}
