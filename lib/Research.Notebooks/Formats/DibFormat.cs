using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>
/// Reads and writes the Polyglot Notebooks <c>.dib</c> format: an optional <c>#!meta</c> JSON header, then cells
/// separated by <c>#!kernel</c> lines. Follows <c>CodeSubmission.Parse</c>/<c>Write</c> of .NET Interactive, except
/// that the meta JSON is always consumed (never leaks into the first cell) and an empty meta block reads as <c>{}</c>.
/// Parse → write → parse gives identical cells.
/// </summary>
public static class DibFormat
{
    private static readonly JsonSerializerOptions CompactJson = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Parses <c>.dib</c> text. <paramref name="knownKernels"/> are the kernels whose <c>#!name</c> lines separate
    /// cells (default: <see cref="KernelInfoCollection.WellKnown"/>); the document's own <c>kernelInfo</c> adds to them.
    /// </summary>
    public static Notebook Parse(string content, KernelInfoCollection? knownKernels = null)
    {
        var lookup = (knownKernels ?? KernelInfoCollection.WellKnown()).Clone();
        if (!lookup.ContainsName(KernelInfoCollection.Markdown.Name))
        {
            lookup.Add(KernelInfoCollection.Markdown);
        }

        var notebook = new Notebook();
        var lines = SplitLines(content.TrimStart('\uFEFF'));
        var currentKernel = lookup.DefaultKernelName ?? PolyglotMetadata.FallbackKernelName;
        var body = new List<string>();
        var metaSeen = false;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!metaSeen && line.StartsWith("#!meta", StringComparison.Ordinal))
            {
                metaSeen = true;
                var json = new List<string>();
                while (i + 1 < lines.Count && !lines[i + 1].StartsWith("#!", StringComparison.Ordinal))
                {
                    json.Add(lines[++i]);
                }

                notebook.Metadata = ParseMeta(string.Join('\n', json));
                lookup.Merge(PolyglotMetadata.ReadKernelInfo(notebook.Metadata));
                continue;
            }

            if (line.StartsWith("#!", StringComparison.Ordinal) && lookup.TryResolve(line[2..], out var kernel))
            {
                FinishCell(notebook, currentKernel, body);
                currentKernel = kernel;
                continue;
            }

            body.Add(line);
        }

        FinishCell(notebook, currentKernel, body);
        if (notebook.Cells.Count == 0)
        {
            notebook.Cells.Add(NewCell(currentKernel, string.Empty));
        }

        return notebook;
    }

    /// <summary>Writes <paramref name="notebook"/> as <c>.dib</c> text (LF line ends, one trailing newline, no BOM).</summary>
    public static string Write(Notebook notebook)
    {
        var output = new List<string>();
        if (notebook.Metadata.Count > 0)
        {
            output.Add("#!meta");
            output.Add(string.Empty);
            output.Add(notebook.Metadata.ToJsonString(CompactJson));
            output.Add(string.Empty);
        }

        foreach (var cell in notebook.Cells)
        {
            var lines = TrimEmptyEnds(SplitLines(cell.Source));
            if (lines.Count == 0)
            {
                continue;
            }

            output.Add("#!" + (cell.KernelName ?? PolyglotMetadata.FallbackKernelName));
            output.Add(string.Empty);
            output.AddRange(lines);
            output.Add(string.Empty);
        }

        // Every block ends with an empty line, so joining gives exactly one trailing newline.
        return string.Join('\n', output);
    }

    private static JsonObject ParseMeta(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject
                   ?? throw new NotebookFormatException("the #!meta block of the .dib file is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"the #!meta block of the .dib file is not valid JSON: {e.Message}", e);
        }
    }

    private static void FinishCell(Notebook notebook, string kernel, List<string> body)
    {
        var lines = TrimEmptyEnds(body);
        if (lines.Count > 0)
        {
            notebook.Cells.Add(NewCell(kernel, string.Join('\n', lines)));
        }

        body.Clear();
    }

    private static NotebookCell NewCell(string kernel, string source) =>
        new(kernel == KernelInfoCollection.Markdown.Name ? CellType.Markdown : CellType.Code, source, kernel);

    // Only zero-length lines are trimmed; whitespace-only lines are content, as in the original reader.
    private static List<string> TrimEmptyEnds(IReadOnlyList<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && lines[start].Length == 0)
        {
            start++;
        }

        while (end > start && lines[end - 1].Length == 0)
        {
            end--;
        }

        return lines.Skip(start).Take(end - start).ToList();
    }

    // "\r\n" and "\n" end lines; a lone "\r" does not. Empty content has no lines.
    private static List<string> SplitLines(string content) =>
        content.Length == 0 ? new List<string>() : content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
}
