
namespace Research.Notebooks.Magics;

/// <summary>
/// <c>#!import [--file] PATH</c>: runs another file in this cell, as .NET Interactive did: the code cells of a
/// <c>.ipynb</c> or <c>.dib</c> in their kernels (markdown cells shown as <c>text/markdown</c>), or a whole
/// <c>.cs</c>/<c>.csx</c>, <c>.fs</c>/<c>.fsx</c>, <c>.html</c> or <c>.js</c> file in its language. The path is
/// relative to the working directory (the notebook's folder). A file that imports itself, directly or not, is refused.
/// </summary>
internal static class ImportMagic
{
    private static readonly Dictionary<string, string> KernelByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = "csharp",
        [".csx"] = "csharp",
        [".fs"] = "fsharp",
        [".fsx"] = "fsharp",
        [".html"] = "html",
        [".js"] = "javascript",
    };

    public static async Task RunAsync(MagicLine line, MagicContext context)
    {
        var given = line.Option("--file") ?? (line.Positional.Count > 0 ? line.Positional[0] : null)
                    ?? throw new MagicCommandException("#!import needs the path of a file.", line.LineNumber);
        var path = Path.GetFullPath(given);
        if (!File.Exists(path))
        {
            throw new MagicCommandException($"#!import: file '{given}' does not exist (relative paths start at the notebook's folder).", line.LineNumber);
        }

        if (context.Imports.Contains(path))
        {
            throw new MagicCommandException($"#!import: '{given}' is already being imported (a file may not import itself).", line.LineNumber);
        }

        var imports = new HashSet<string>(context.Imports, StringComparer.Ordinal) { path };
        if (NotebookFile.IsSupported(path))
        {
            Notebook notebook;
            try
            {
                notebook = NotebookFile.Load(path);
            }
            catch (NotebookFormatException e)
            {
                throw new MagicCommandException($"#!import: '{given}': {e.Message}", line.LineNumber);
            }

            foreach (var cell in notebook.Cells)
            {
                if (cell.Type == CellType.Markdown)
                {
                    context.Cell.PublishDisplay(new MimeBundle().Set(MimeBundle.Markdown, cell.Source).Set(MimeBundle.PlainText, cell.Source));
                }
                else if (cell.Type == CellType.Code)
                {
                    await context.RunCode(cell.Source, cell.KernelName ?? notebook.DefaultKernelName, imports);
                }

                if (context.Cell.Failure is not null)
                {
                    return;
                }
            }

            return;
        }

        if (!KernelByExtension.TryGetValue(Path.GetExtension(path), out var kernel))
        {
            throw new MagicCommandException(
                $"#!import: '{given}' is not a file this host can import (.ipynb, .dib, {string.Join(", ", KernelByExtension.Keys)}).", line.LineNumber);
        }

        await context.RunCode(await File.ReadAllTextAsync(path, context.Cell.CancellationToken), kernel, imports);
    }
}
