using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>
/// Reads and writes Jupyter <c>.ipynb</c> files (nbformat 4, any minor). Every field the model does not interpret
/// is kept and written back; output is nbformat's own JSON style (see <see cref="NbformatJsonWriter"/>).
/// </summary>
public static class IpynbFormat
{
    private static readonly HashSet<string> NotebookKeys = new(StringComparer.Ordinal) { "cells", "metadata", "nbformat", "nbformat_minor" };
    private static readonly HashSet<string> CellKeys = new(StringComparer.Ordinal) { "cell_type", "id", "metadata", "source", "outputs", "execution_count" };

    // An output's depth in the document: root, its cells array, a cell, the cell's outputs array, the output.
    private const int OutputDepth = 4;

    /// <summary>
    /// Parses notebook JSON. Code cells get their kernel from cell metadata, else a leading <c>#!kernel</c> line naming
    /// a kernel in <paramref name="knownKernels"/> (default <see cref="KernelInfoCollection.WellKnown"/>) or the
    /// document's declarations, else the document default; aliases are resolved to canonical names.
    /// </summary>
    public static Notebook Read(string json, KernelInfoCollection? knownKernels = null)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }) as JsonObject
                   ?? throw new NotebookFormatException("the notebook is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"the notebook is not valid JSON: {e.Message}", e);
        }

        var major = Int(root["nbformat"]) ?? throw new NotebookFormatException("the notebook has no integer 'nbformat' field.");
        if (major != 4)
        {
            throw new NotebookFormatException($"nbformat {major} is not supported; only nbformat 4 is (convert with 'jupyter nbconvert --to notebook').");
        }

        var notebook = new Notebook
        {
            FormatMajor = major,
            FormatMinor = Int(root["nbformat_minor"]) ?? 0,
            Metadata = root["metadata"]?.DeepClone() as JsonObject ?? new JsonObject(),
            ExtraFields = Extras(root, NotebookKeys),
        };

        var lookup = (knownKernels ?? KernelInfoCollection.WellKnown()).Clone();
        lookup.Merge(notebook.KernelInfo);
        var defaultKernel = notebook.DefaultKernelName;

        var cells = root["cells"] as JsonArray ?? throw new NotebookFormatException("the notebook has no 'cells' array.");
        for (var i = 0; i < cells.Count; i++)
        {
            var cellJson = cells[i] as JsonObject ?? throw new NotebookFormatException($"cell {i + 1} is not a JSON object.");
            notebook.Cells.Add(ReadCell(cellJson, i + 1, lookup, defaultKernel));
        }

        return notebook;
    }

    /// <summary>Writes <paramref name="notebook"/> as nbformat JSON text with a trailing newline.</summary>
    public static string Write(Notebook notebook) => NbformatJsonWriter.Write(ToJson(notebook));

    /// <summary>Writes <paramref name="notebook"/> as <see cref="Write(Notebook)"/> does, to <paramref name="writer"/>.</summary>
    public static void Write(Notebook notebook, TextWriter writer) => NbformatJsonWriter.Write(ToJson(notebook), writer);

    /// <summary>
    /// Writes <paramref name="notebook"/> as <see cref="Write(Notebook, TextWriter)"/> does, byte for byte, taking the
    /// text of each output written before from <paramref name="texts"/> (and keeping the text of new ones there).
    /// </summary>
    /// <remarks>
    /// For saving one notebook again and again while it runs: most of a save was rebuilding and re-serializing the outputs
    /// of cells finished long before (a report's figure JSON and tables, about a megabyte by its end).
    /// </remarks>
    public static void Write(Notebook notebook, TextWriter writer, IpynbOutputTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var written = new Dictionary<JsonNode, string>(ReferenceEqualityComparer.Instance);
        JsonObject Placeholder(CellOutput output)
        {
            var placeholder = new JsonObject();
            written[placeholder] = texts.GetOrAdd(output, o => NbformatJsonWriter.WriteAt(OutputToJson(o), OutputDepth));
            return placeholder;
        }

        NbformatJsonWriter.Write(ToJson(notebook, Placeholder), writer, written);
    }

    /// <summary>The notebook as a JSON object in nbformat 4 shape.</summary>
    public static JsonObject ToJson(Notebook notebook) => ToJson(notebook, OutputToJson);

    private static JsonObject ToJson(Notebook notebook, Func<CellOutput, JsonObject> outputToJson)
    {
        var root = (JsonObject)notebook.ExtraFields.DeepClone();
        var defaultKernel = notebook.DefaultKernelName;
        root["cells"] = new JsonArray(notebook.Cells.Select(c => CellToJson(c, defaultKernel, outputToJson)).ToArray<JsonNode?>());
        root["metadata"] = notebook.Metadata.DeepClone();
        root["nbformat"] = notebook.FormatMajor;
        root["nbformat_minor"] = notebook.FormatMinor;
        return root;
    }

    private static NotebookCell ReadCell(JsonObject json, int number, KernelInfoCollection lookup, string defaultKernel)
    {
        var typeName = json["cell_type"]?.GetValue<string>() ?? throw new NotebookFormatException($"cell {number} has no 'cell_type'.");
        var type = typeName switch
        {
            "code" => CellType.Code,
            "markdown" => CellType.Markdown,
            "raw" => CellType.Raw,
            _ => throw new NotebookFormatException($"cell {number} has unknown cell_type '{typeName}' (expected code, markdown or raw)."),
        };
        var source = MultilineText.Read(json["source"], $"cell {number} 'source'");
        var metadata = json["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
        var cell = new NotebookCell(type, source)
        {
            Id = json["id"]?.GetValue<string>(),
            Metadata = metadata,
            ExtraFields = Extras(json, CellKeys),
            ExecutionCount = Int(json["execution_count"]),
        };
        cell.KernelName = type switch
        {
            CellType.Markdown => KernelInfoCollection.Markdown.Name,
            CellType.Code => Canonical(
                PolyglotMetadata.CellKernelName(metadata) ?? LeadingKernel(source, lookup) ?? defaultKernel, lookup),
            _ => null,
        };
        if (json["outputs"] is JsonArray outputs)
        {
            cell.Outputs.AddRange(outputs.Select((o, k) => ReadOutput(
                o as JsonObject ?? throw new NotebookFormatException($"cell {number} output {k + 1} is not a JSON object."), number)));
        }

        return cell;
    }

    private static string Canonical(string name, KernelInfoCollection lookup) =>
        lookup.TryResolve(name, out var canonical) ? canonical : name;

    /// <summary>The kernel named by a first line <c>#!name</c> when the name is a known kernel or alias.</summary>
    internal static string? LeadingKernel(string source, KernelInfoCollection lookup)
    {
        var end = source.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? source : source[..end]).TrimEnd('\r');
        return first.StartsWith("#!", StringComparison.Ordinal) && lookup.TryResolve(first[2..], out var kernel) ? kernel : null;
    }

    private static CellOutput ReadOutput(JsonObject json, int cell)
    {
        var type = json["output_type"]?.GetValue<string>();
        bool Only(params string[] keys) => json.All(p => keys.Contains(p.Key));
        switch (type)
        {
            case "stream" when Only("output_type", "name", "text"):
                return new StreamOutput(json["name"]?.GetValue<string>() ?? StreamOutput.Stdout, MultilineText.Read(json["text"], $"cell {cell} stream text"));
            case "display_data" when Only("output_type", "data", "metadata"):
                return new DisplayDataOutput(ReadBundle(json["data"], cell)) { Metadata = Metadata(json) };
            case "execute_result" when Only("output_type", "data", "metadata", "execution_count"):
                return new ExecuteResultOutput(ReadBundle(json["data"], cell), Int(json["execution_count"])) { Metadata = Metadata(json) };
            case "error" when Only("output_type", "ename", "evalue", "traceback"):
                return new ErrorOutput(
                    json["ename"]?.GetValue<string>() ?? string.Empty,
                    json["evalue"]?.GetValue<string>() ?? string.Empty,
                    (json["traceback"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? string.Empty).ToList() ?? new List<string>());
            default:
                // Unknown output types (VS Code once saved "unknown") and known types with extra fields are kept verbatim.
                return new UnknownOutput((JsonObject)json.DeepClone());
        }
    }

    private static JsonObject Metadata(JsonObject output) => output["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();

    private static MimeBundle ReadBundle(JsonNode? data, int cell)
    {
        var bundle = new MimeBundle();
        if (data is JsonObject obj)
        {
            foreach (var (mime, value) in obj)
            {
                if (MimeBundle.IsJsonMimeType(mime) && value is not null)
                {
                    bundle.SetJson(mime, value.DeepClone());
                }
                else
                {
                    bundle.Set(mime, MultilineText.Read(value, $"cell {cell} output data '{mime}'"));
                }
            }
        }

        return bundle;
    }

    // A code cell of another kernel than the document's default carries its kernel in its metadata (as Polyglot
    // Notebooks writes it) unless its first line selects it, so a notebook read from a .dib keeps its languages when
    // saved as .ipynb and a file read from disk is written back unchanged.
    private static JsonObject CellToJson(NotebookCell cell, string defaultKernel, Func<CellOutput, JsonObject> outputToJson)
    {
        var json = (JsonObject)cell.ExtraFields.DeepClone();
        json["cell_type"] = cell.Type switch
        {
            CellType.Code => "code",
            CellType.Markdown => "markdown",
            _ => "raw",
        };
        if (cell.Id is not null)
        {
            json["id"] = cell.Id;
        }

        var metadata = (JsonObject)cell.Metadata.DeepClone();
        if (cell.Type == CellType.Code && cell.KernelName is { } kernel && kernel != defaultKernel
            && PolyglotMetadata.CellKernelName(metadata) is null && LeadingKernel(cell.Source, KernelInfoCollection.WellKnown()) is null)
        {
            PolyglotMetadata.SetCellKernelName(metadata, kernel);
        }

        json["metadata"] = metadata;
        json["source"] = MultilineText.Write(cell.Source);
        if (cell.Type == CellType.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(outputToJson).ToArray<JsonNode?>());
        }

        return json;
    }

    private static JsonObject OutputToJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = MultilineText.Write(s.Text) },
        DisplayDataOutput d => new JsonObject { ["data"] = BundleToJson(d.Data), ["metadata"] = d.Metadata.DeepClone(), ["output_type"] = "display_data" },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = BundleToJson(r.Data),
            ["execution_count"] = r.ExecutionCount,
            ["metadata"] = r.Metadata.DeepClone(),
            ["output_type"] = "execute_result",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        UnknownOutput u => (JsonObject)u.Json.DeepClone(),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output kind"),
    };

    // nbformat splits text/* plus javascript and svg into line arrays; images stay one base64 string; JSON stays JSON.
    private static JsonObject BundleToJson(MimeBundle bundle)
    {
        var json = new JsonObject();
        foreach (var (mime, value) in bundle)
        {
            json[mime] = MimeBundle.IsJsonMimeType(mime)
                ? value.DeepClone()
                : mime.StartsWith("text/", StringComparison.Ordinal) || mime is "application/javascript" or "image/svg+xml"
                    ? MultilineText.Write(bundle.GetText(mime)!)
                    : value.DeepClone();
        }

        return json;
    }

    private static JsonObject Extras(JsonObject json, HashSet<string> known)
    {
        var extras = new JsonObject();
        foreach (var (key, value) in json.Where(p => !known.Contains(p.Key)))
        {
            extras[key] = value?.DeepClone();
        }

        return extras;
    }

    private static int? Int(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;
}
