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

    /// <summary>Writes a notebook in the format given by <paramref name="path"/>'s extension (UTF-8, no BOM).</summary>
    public static void Save(Notebook notebook, string path)
    {
        var format = Format(path) ?? throw new NotebookFormatException($"{path}: unsupported notebook extension '{Path.GetExtension(path)}' (expected .ipynb or .dib).");
        File.WriteAllText(path, format == ".dib" ? DibFormat.Write(notebook) : IpynbFormat.Write(notebook), Utf8NoBom);
    }

    private static string? Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ipynb" => ".ipynb",
        ".dib" => ".dib",
        _ => null,
    };
}
