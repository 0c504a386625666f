using System.Text;

namespace Research.Notebooks;

/// <summary>Loads and saves notebooks by file extension (<c>.ipynb</c> or <c>.dib</c>).</summary>
public static class NotebookFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="path"/> has an extension this library reads.</summary>
    public static bool IsSupported(string path) => Format(path) is not null;

    /// <summary>Reads a notebook; throws <see cref="NotebookFormatException"/> naming the file when it is malformed.</summary>
    public static Notebook Load(string path)
    {
        var format = Format(path) ?? throw new NotebookFormatException($"{path}: unsupported notebook extension '{Path.GetExtension(path)}' (expected .ipynb or .dib).");
        var text = File.ReadAllText(path, Encoding.UTF8);
        try
        {
            return format == ".dib" ? DibFormat.Parse(text) : IpynbFormat.Read(text);
        }
        catch (NotebookFormatException e)
        {
            throw new NotebookFormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a notebook in the format given by <paramref name="path"/>'s extension (UTF-8, no BOM), atomically: the
    /// text goes to a temporary file beside it, which then replaces the file by a rename. A reader, or a crash at any
    /// moment, sees either the previous file or the new one, never a half-written notebook.
    /// </summary>
    public static void Save(Notebook notebook, string path) => Save(notebook, path, texts: null);

    /// <summary>
    /// Writes a notebook as <see cref="Save(Notebook, string)"/> does, taking the text of outputs saved before from
    /// <paramref name="texts"/> (an <c>.ipynb</c> only): for saving a running notebook after every cell.
    /// </summary>
    public static void Save(Notebook notebook, string path, IpynbOutputTexts? texts)
    {
        var format = Format(path) ?? throw new NotebookFormatException($"{path}: unsupported notebook extension '{Path.GetExtension(path)}' (expected .ipynb or .dib).");
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Streamed, so saving a large notebook after every cell does not build its whole text in memory each time.
            using (var writer = new StreamWriter(temporary, append: false, Utf8NoBom))
            {
                if (format == ".dib")
                {
                    writer.Write(DibFormat.Write(notebook));
                }
                else if (texts is null)
                {
                    IpynbFormat.Write(notebook, writer);
                }
                else
                {
                    IpynbFormat.Write(notebook, writer, texts);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string? Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ipynb" => ".ipynb",
        ".dib" => ".dib",
        _ => null,
    };
}
