using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>
/// One cell of a notebook. Fields this model does not know (for example <c>attachments</c>) are kept in
/// <see cref="ExtraFields"/> so that reading and writing a notebook loses nothing.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellType type, string source, string? kernelName = null)
    {
        Type = type;
        Source = source;
        KernelName = kernelName;
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellType Type { get; set; }

    /// <summary>The cell text with <c>\n</c> line ends.</summary>
    public string Source { get; set; }

    /// <summary>
    /// The canonical kernel name the cell runs in (<c>csharp</c>, <c>markdown</c>, <c>html</c>, ...), resolved from
    /// cell metadata, a leading <c>#!kernel</c> line or the notebook default; null for raw cells.
    /// </summary>
    public string? KernelName { get; set; }

    /// <summary>The nbformat cell id, or null when the file had none.</summary>
    public string? Id { get; set; }

    /// <summary>The cell metadata object, kept verbatim (tags, kernel metadata, anything else).</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The outputs of a code cell, in the order they were produced.</summary>
    public List<CellOutput> Outputs { get; } = new();

    /// <summary>The execution count of a code cell, or null when it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Cell fields this model does not interpret, written back unchanged.</summary>
    public JsonObject ExtraFields { get; set; } = new();

    /// <summary>The tags in <c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValue<string>() ?? string.Empty).ToList()
            : Array.Empty<string>();

    /// <summary>Whether <c>metadata.tags</c> contains <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
