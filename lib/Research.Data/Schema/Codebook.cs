using System.Globalization;
using System.Text;
using Research.Data.Design;

namespace Research.Data.Schema;

/// <summary>Renders the human-readable codebook (<c>data-schema/codebook.md</c>) from the descriptors.</summary>
public static class Codebook
{
    /// <summary>The codebook as Markdown.</summary>
    public static string ToMarkdown(DataPackage package, ExperimentCatalog experiments)
    {
        var text = new StringBuilder();
        text.Append("# Codebook of the raw extracts\n\n")
            .Append("Generated from `data-schema/datapackage.json` and `data-schema/experiments.json` by `research codebook`; do not edit by hand.\n\n");
        foreach (var resource in package.Resources)
        {
            var schema = resource.Schema;
            text.Append(CultureInfo.InvariantCulture, $"## `{resource.Name}` — {resource.Title}\n\n{resource.Description}\n\n")
                .Append(CultureInfo.InvariantCulture, $"File `{resource.Path}`; primary key ({string.Join(", ", schema.PrimaryKey)}); missing values {Tokens(schema.MissingValues)}.\n");
            foreach (var fk in schema.ForeignKeys)
            {
                text.Append(CultureInfo.InvariantCulture, $"Foreign key ({string.Join(", ", fk.Fields)}) → `{fk.ReferencedResource}` ({string.Join(", ", fk.ReferencedFields)}).\n");
            }

            text.Append("\n| field | type | required | allowed values | description |\n|---|---|---|---|---|\n");
            foreach (var field in schema.Fields)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{field.Name}` | {field.Type.ToString().ToLowerInvariant()} | {(field.Constraints.Required ? "yes" : "no")} | {Allowed(field, schema)} | {field.Description} |\n");
            }

            text.Append('\n');
        }

        text.Append("## Experiments\n\n");
        foreach (var e in experiments.Experiments)
        {
            text.Append(CultureInfo.InvariantCulture, $"### {e.NameNl}: {e.Title}\n\n")
                .Append(CultureInfo.InvariantCulture, $"{e.Invited} invited, {e.Participants} participants; intake {e.IntakeStart:yyyy-MM-dd} to {e.IntakeEnd:yyyy-MM-dd}; ")
                .Append(CultureInfo.InvariantCulture, $"intervention until {e.InterventionEnd:yyyy-MM-dd}; primary horizon {e.PrimaryHorizonMonths} months; ")
                .Append(CultureInfo.InvariantCulture, $"survey waves at months {string.Join(", ", e.SurveyWaves.Select(w => w.MonthsAfterRandomisation))}.\n\n")
                .Append("| arm code | Dutch name | type | what changed |\n|---|---|---|---|\n");
            foreach (var arm in e.Arms)
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{arm.Code}` | {arm.NameNl} | {arm.TypeLabel} | {arm.Description} |\n");
            }

            text.Append('\n');
            if (e.Notes is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"{e.Notes}\n\n");
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string Allowed(TableField field, TableSchema schema)
    {
        var c = field.Constraints;
        var parts = new List<string>();
        if (c.Enum is { } values)
        {
            parts.Add(string.Join(", ", values.Select(v => $"`{v}`")));
        }

        if (c.Minimum is not null || c.Maximum is not null)
        {
            parts.Add($"{c.Minimum ?? "…"} to {c.Maximum ?? "…"}");
        }

        if (c.Pattern is not null)
        {
            parts.Add($"pattern `{c.Pattern.Replace("|", "\\|", StringComparison.Ordinal)}`");
        }

        if (field.Type == FieldType.Boolean)
        {
            parts.Add($"true {Tokens(field.TrueValues)}, false {Tokens(field.FalseValues)}");
        }

        if (field.MissingValues is not null && !field.MissingValues.SequenceEqual(schema.MissingValues))
        {
            parts.Add($"missing {Tokens(field.MissingValues)}");
        }

        if (c.Unique)
        {
            parts.Add("unique");
        }

        return string.Join("; ", parts);
    }

    private static string Tokens(IEnumerable<string> tokens) => string.Join(", ", tokens.Select(t => t.Length == 0 ? "empty" : $"`{t}`"));
}
