using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>
/// Reads and writes the Polyglot Notebooks / .NET Interactive metadata in every shape the various writers used:
/// <c>polyglot_notebook.kernelInfo</c> (VS Code), <c>polyglot_notebook</c> as the collection itself (the C#
/// Documents library), a top-level <c>kernelInfo</c> (<c>.dib</c>), legacy <c>dotnet_interactive</c> and the
/// <c>kernelspec</c>.
/// </summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel used when a document says nothing.</summary>
    public const string FallbackKernelName = "csharp";

    /// <summary>The kernels declared in <paramref name="metadata"/>, in any supported shape; empty when none.</summary>
    public static KernelInfoCollection ReadKernelInfo(JsonObject metadata)
    {
        var node = metadata["polyglot_notebook"]?["kernelInfo"]
                   ?? (metadata["polyglot_notebook"] is JsonObject p && p.ContainsKey("items") ? p : null)
                   ?? metadata["kernelInfo"];
        return node is JsonObject o ? ParseCollection(o) : new KernelInfoCollection();
    }

    /// <summary>Parses a KernelInfoCollection object (<c>defaultKernelName</c>, <c>items</c>), skipping unknown keys.</summary>
    public static KernelInfoCollection ParseCollection(JsonObject json)
    {
        var collection = new KernelInfoCollection();
        if (json["items"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                var name = item["name"]?.GetValue<string>()
                           ?? throw new NotebookFormatException("a kernelInfo item has no 'name'.");
                var aliases = item["aliases"] is JsonArray a
                    ? a.Select(x => x!.GetValue<string>()).ToArray()
                    : Array.Empty<string>();
                collection.Add(new KernelInfo(name, item["languageName"]?.GetValue<string>(), aliases));
            }
        }

        if (json["defaultKernelName"] is JsonValue d && d.TryGetValue<string>(out var defaultName))
        {
            collection.DefaultKernelName = defaultName;
        }

        return collection;
    }

    /// <summary>
    /// The document's default kernel, looked up in this order: <c>polyglot_notebook.kernelInfo.defaultKernelName</c>,
    /// <c>polyglot_notebook.defaultKernelName</c>, <c>kernelInfo.defaultKernelName</c>,
    /// <c>dotnet_interactive.defaultKernelName</c>, <c>kernelspec.name</c> without its <c>.net-</c> prefix,
    /// <c>kernelspec.language</c> or <c>language_info.name</c> (so a Python notebook names <c>python</c>), and finally <c>csharp</c>.
    /// </summary>
    public static string DefaultKernelName(JsonObject metadata)
    {
        var explicitName = Text(metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"])
                           ?? Text(metadata["polyglot_notebook"]?["defaultKernelName"])
                           ?? Text(metadata["kernelInfo"]?["defaultKernelName"])
                           ?? Text(metadata["dotnet_interactive"]?["defaultKernelName"]);
        if (explicitName is not null)
        {
            return explicitName;
        }

        var spec = Text(metadata["kernelspec"]?["name"]);
        if (spec is not null && spec.StartsWith(".net-", StringComparison.Ordinal))
        {
            var kernel = spec[".net-".Length..];
            return kernel == "powershell" ? "pwsh" : kernel;
        }

        return FromLanguage(Text(metadata["kernelspec"]?["language"]))
               ?? FromLanguage(Text(metadata["language_info"]?["name"]))
               ?? FallbackKernelName;
    }

    /// <summary>
    /// The kernel named by a code cell's metadata: <c>polyglot_notebook.kernelName</c>, then
    /// <c>dotnet_interactive.language</c>; null when neither is present.
    /// </summary>
    public static string? CellKernelName(JsonObject cellMetadata) =>
        Text(cellMetadata["polyglot_notebook"]?["kernelName"]) ?? Text(cellMetadata["dotnet_interactive"]?["language"]);

    /// <summary>Writes both the legacy and the current kernel-name keys into a code cell's metadata.</summary>
    public static void SetCellKernelName(JsonObject cellMetadata, string kernelName)
    {
        SetChild(cellMetadata, "dotnet_interactive")["language"] = kernelName;
        SetChild(cellMetadata, "polyglot_notebook")["kernelName"] = kernelName;
    }

    /// <summary>
    /// Adds <c>kernelspec</c>, <c>language_info</c> and <c>polyglot_notebook.kernelInfo</c> (the VS Code shape) to
    /// notebook metadata that lacks them, e.g. when a <c>.dib</c> is written as <c>.ipynb</c>. Present keys are kept.
    /// </summary>
    public static void EnsureJupyterMetadata(JsonObject metadata, string defaultKernelName)
    {
        if (!metadata.ContainsKey("kernelspec") && defaultKernelName == "csharp")
        {
            metadata["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        }

        if (!metadata.ContainsKey("language_info") && defaultKernelName == "csharp")
        {
            metadata["language_info"] = new JsonObject
            {
                ["file_extension"] = ".cs",
                ["mimetype"] = "text/x-csharp",
                ["name"] = "C#",
                ["pygments_lexer"] = "csharp",
                ["version"] = "13.0",
            };
        }

        if (!metadata.ContainsKey("polyglot_notebook"))
        {
            var kernelInfo = metadata["kernelInfo"]?.DeepClone() as JsonObject ?? new JsonObject
            {
                ["defaultKernelName"] = defaultKernelName,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = defaultKernelName }),
            };
            metadata.Remove("kernelInfo");
            metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo };
        }
    }

    private static JsonObject SetChild(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    private static string? FromLanguage(string? language) => language switch
    {
        "C#" or "c#" or "csharp" => "csharp",
        "F#" or "f#" or "fsharp" => "fsharp",
        "PowerShell" or "powershell" or "pwsh" => "pwsh",
        null or "" or "polyglot-notebook" => null,

        // A notebook for another language (python, R) names that kernel, so running it fails clearly.
        _ => language.ToLowerInvariant(),
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
