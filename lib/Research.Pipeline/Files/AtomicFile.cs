using System.Text;

namespace Research.Pipeline.Files;

/// <summary>
/// Writes a file by writing a sibling temporary file and renaming it over the target, so a reader (or a crash) sees the
/// old bytes or the new ones, never half of a provenance record or cache entry.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    /// <exception cref="IOException">The directory is not writable.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is read-only.</exception>
    public static void WriteText(string path, string text)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
