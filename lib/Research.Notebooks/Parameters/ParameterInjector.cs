using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace Research.Notebooks.Parameters;

/// <summary>
/// papermill-style parameters: the first cell tagged <c>parameters</c> holds the defaults; values given on the
/// command line become a new C# cell tagged <c>injected-parameters</c> right after it (replacing an earlier injected
/// cell), with typed declarations that shadow the defaults. <c>metadata.papermill.parameters</c> records the values.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The tag of the cell holding the defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the generated cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>
    /// Injects <paramref name="values"/> (name → command-line text) into <paramref name="notebook"/>; does nothing when
    /// there are none.
    /// </summary>
    /// <exception cref="NotebookParameterException">No parameters cell, an unknown name, or a value that does not parse.</exception>
    public static void Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var parametersIndex = notebook.Cells.FindIndex(c => c.Type == CellType.Code && c.HasTag(ParametersTag));
        if (parametersIndex < 0)
        {
            throw new NotebookParameterException($"the notebook has no cell tagged '{ParametersTag}', so parameter '{values[0].Key}' cannot be set.");
        }

        var parametersCell = notebook.Cells[parametersIndex];
        if (parametersCell.KernelName is not ("csharp" or null))
        {
            throw new NotebookParameterException($"the '{ParametersTag}' cell is a '{parametersCell.KernelName}' cell; only C# parameters can be injected.");
        }

        var declared = ParameterDeclaration.Read(parametersCell.Source).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var source = new StringBuilder("// Parameters");
        var recorded = new JsonObject();
        foreach (var (name, text) in values)
        {
            if (!declared.TryGetValue(name, out var declaration))
            {
                var known = declared.Count == 0 ? "none" : string.Join(", ", declared.Keys);
                throw new NotebookParameterException($"unknown parameter '{name}'; the '{ParametersTag}' cell declares: {known}.");
            }

            var (literal, json) = Convert(declaration, text);
            source.Append('\n').Append(TypeKeyword(declaration.Type)).Append(' ').Append(name).Append(" = ").Append(literal).Append(';');
            recorded[name] = json;
        }

        var injectedIndex = notebook.Cells.FindIndex(c => c.HasTag(InjectedTag));
        var cell = new NotebookCell(CellType.Code, source.ToString(), "csharp")
        {
            Metadata = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
        };
        PolyglotMetadata.SetCellKernelName(cell.Metadata, "csharp");
        if (injectedIndex >= 0)
        {
            notebook.Cells[injectedIndex] = cell;
        }
        else
        {
            notebook.Cells.Insert(parametersIndex + 1, cell);
        }

        var papermill = notebook.Metadata["papermill"] as JsonObject ?? new JsonObject();
        papermill["parameters"] = recorded;
        notebook.Metadata["papermill"] = papermill;
    }

    private static string TypeKeyword(ParameterType type) => type switch
    {
        ParameterType.Int32 => "int",
        ParameterType.Int64 => "long",
        ParameterType.Double => "double",
        ParameterType.Boolean => "bool",
        ParameterType.String => "string",
        ParameterType.Date => "DateOnly",
        ParameterType.StringArray => "string[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static (string Literal, JsonNode Json) Convert(ParameterDeclaration declaration, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        NotebookParameterException Bad(string expected) =>
            new($"parameter '{declaration.Name}' expects {expected}, got '{text}'.");
        switch (declaration.Type)
        {
            case ParameterType.Int32:
                return int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i)
                    ? (i.ToString(invariant), JsonValue.Create(i))
                    : throw Bad("an integer (int)");
            case ParameterType.Int64:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l)
                    ? (l.ToString(invariant) + "L", JsonValue.Create(l))
                    : throw Bad("an integer (long)");
            case ParameterType.Double:
                return double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d)
                    ? (d.ToString("R", invariant), JsonValue.Create(d))
                    : throw Bad("a finite number with a decimal point (double), e.g. 0.05");
            case ParameterType.Boolean:
                return bool.TryParse(text, out var b)
                    ? (b ? "true" : "false", JsonValue.Create(b))
                    : throw Bad("true or false");
            case ParameterType.String:
                return (SymbolDisplay.FormatLiteral(text, quote: true), JsonValue.Create(text));
            case ParameterType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date)
                    ? (string.Create(invariant, $"new DateOnly({date.Year}, {date.Month}, {date.Day})"), JsonValue.Create(text))
                    : throw Bad("a date as yyyy-MM-dd");
            case ParameterType.StringArray:
                var items = ParseArray(text) ?? throw Bad("a comma-separated list or a JSON array of strings");
                return ("new string[] { " + string.Join(", ", items.Select(s => SymbolDisplay.FormatLiteral(s, quote: true))) + " }",
                    new JsonArray(items.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()));
            default:
                throw new NotebookParameterException(
                    $"parameter '{declaration.Name}' has a default of type '{declaration.TypeText}' that cannot be set from the command line (supported: int, long, double, bool, string, DateOnly, string[]).");
        }
    }

    private static string[]? ParseArray(string text)
    {
        if (!text.TrimStart().StartsWith('['))
        {
            return text.Length == 0 ? Array.Empty<string>() : text.Split(',').Select(s => s.Trim()).ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
