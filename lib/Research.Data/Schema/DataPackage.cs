using System.Text.Json.Nodes;

namespace Research.Data.Schema;

/// <summary>
/// A Frictionless Data Package: the descriptor of the raw extracts (<c>data-schema/datapackage.json</c>).
/// </summary>
/// <remarks>
/// The canonical descriptor ships inside this assembly, so the tool validates extracts anywhere. An extract directory may
/// carry its own <c>datapackage.json</c> (the Frictionless way to describe a dialect or a Parquet file); its resources
/// must then declare the same fields with the same types as the canonical one, see <see cref="ForDirectory"/>.
/// </remarks>
public sealed record DataPackage
{
    /// <summary>The descriptor's file name inside a data directory.</summary>
    public const string FileName = "datapackage.json";

    /// <summary>Package name.</summary>
    public required string Name { get; init; }

    /// <summary>The tabular resources, in declared order.</summary>
    public required IReadOnlyList<TableResource> Resources { get; init; }

    /// <summary>The file the descriptor was read from (for messages).</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The fields whose values identify a person: the string fields of every primary and foreign key (e.g.
    /// <c>person_id</c>). Validation reports never publish their values.
    /// </summary>
    public IReadOnlySet<string> IdentifierFields => Resources
        .SelectMany(r => r.Schema.PrimaryKey.Concat(r.Schema.ForeignKeys.SelectMany(k => k.Fields)).Select(r.Schema.Field))
        .Where(f => f is { Type: FieldType.String })
        .Select(f => f!.Name)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The resource called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such resource.</exception>
    public TableResource Resource(string name) =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"{Source}: no resource named '{name}'");

    /// <summary>The canonical descriptor of the raw extracts, as shipped with the library.</summary>
    public static DataPackage Canonical { get; } = Parse(EmbeddedText(FileName), "data-schema/" + FileName);

    /// <summary>Loads a descriptor file.</summary>
    /// <exception cref="DescriptorException">The descriptor is malformed.</exception>
    public static DataPackage Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// The descriptor that governs an extract directory: <see cref="Canonical"/>, with the file paths, formats, dialects
    /// and decimal and group characters of the directory's own <c>datapackage.json</c> when there is one. The local
    /// descriptor must name the canonical resources and fields with their types; it may repeat the canonical
    /// constraints, keys and missing values or leave them out, never change them.
    /// </summary>
    /// <exception cref="DescriptorException">The local descriptor is malformed or disagrees with the canonical schema.</exception>
    public static DataPackage ForDirectory(string directory)
    {
        var local = System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(local))
        {
            return Canonical;
        }

        return ConformToCanonical(Load(local));
    }

    /// <summary>Parses descriptor JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DescriptorException">The descriptor is malformed.</exception>
    public static DataPackage Parse(string json, string source)
    {
        var reader = new DescriptorReader(source);
        var root = reader.Parse(json);
        var resources = reader.RequiredArray(root, "resources", "$");
        var list = new List<TableResource>();
        for (var i = 0; i < resources.Count; i++)
        {
            list.Add(ParseResource(reader, reader.ObjectAt(resources, i, "$.resources"), $"$.resources[{i}]"));
        }

        var package = new DataPackage { Name = reader.RequiredString(root, "name", "$"), Resources = list, Source = source };
        CheckKeys(reader, package);
        return package;
    }

    /// <summary>The text of a descriptor shipped inside this assembly (datapackage.json, experiments.json).</summary>
    public static string EmbeddedText(string name)
    {
        var assembly = typeof(DataPackage).Assembly;
        using var stream = assembly.GetManifestResourceStream("Research.Data.Schema." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {assembly.GetName().Name}");
        using var text = new StreamReader(stream);
        return text.ReadToEnd();
    }

    private static TableResource ParseResource(DescriptorReader reader, JsonObject obj, string at)
    {
        var formatText = reader.OptionalString(obj, "format", at) ?? "csv";
        var format = formatText switch
        {
            "csv" => TableFormat.Csv,
            "parquet" => TableFormat.Parquet,
            _ => throw reader.Fail($"{at}.format", $"unsupported format \"{formatText}\"; expected \"csv\" or \"parquet\""),
        };
        var encoding = reader.OptionalString(obj, "encoding", at);
        if (encoding is not null && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw reader.Fail($"{at}.encoding", $"unsupported encoding \"{encoding}\"; extracts must be UTF-8 (with or without BOM)");
        }

        var dialect = CsvDialect.Default;
        if (reader.OptionalObject(obj, "dialect", at) is { } d)
        {
            dialect = new CsvDialect
            {
                Delimiter = reader.OptionalChar(d, "delimiter", $"{at}.dialect", ','),
                QuoteChar = reader.OptionalChar(d, "quoteChar", $"{at}.dialect", '"'),
                Header = reader.OptionalBool(d, "header", $"{at}.dialect", true),
            };
            if (!dialect.Header)
            {
                throw reader.Fail($"{at}.dialect.header", "extracts must have a header row");
            }
        }

        var schemaObj = reader.OptionalObject(obj, "schema", at) ?? throw reader.Fail($"{at}.schema", "required object is missing");
        return new TableResource
        {
            Name = reader.RequiredString(obj, "name", at),
            Path = reader.RequiredString(obj, "path", at),
            Title = reader.OptionalString(obj, "title", at),
            Description = reader.OptionalString(obj, "description", at),
            Format = format,
            Dialect = dialect,
            Schema = ParseSchema(reader, schemaObj, $"{at}.schema"),
        };
    }

    private static TableSchema ParseSchema(DescriptorReader reader, JsonObject obj, string at)
    {
        var fieldsArray = reader.RequiredArray(obj, "fields", at);
        var fields = new List<TableField>();
        for (var i = 0; i < fieldsArray.Count; i++)
        {
            var fieldObject = reader.ObjectAt(fieldsArray, i, $"{at}.fields");
            var name = reader.RequiredString(fieldObject, "name", $"{at}.fields[{i}]");
            try
            {
                fields.Add(ParseField(reader, fieldObject, $"{at}.fields[{i}]"));
            }
            catch (DescriptorException e)
            {
                // Name the field in the message: a reader fixes "birth_year", not "fields[8]".
                throw new DescriptorException(e.File, e.Location, $"field \"{name}\": {e.Problem}");
            }
        }

        var duplicate = fields.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw reader.Fail($"{at}.fields", $"field name \"{duplicate.Key}\" is declared twice");
        }

        var foreignKeys = new List<ForeignKey>();
        if (reader.OptionalArray(obj, "foreignKeys", at) is { } fks)
        {
            for (var i = 0; i < fks.Count; i++)
            {
                var fk = reader.ObjectAt(fks, i, $"{at}.foreignKeys");
                var reference = reader.OptionalObject(fk, "reference", $"{at}.foreignKeys[{i}]")
                    ?? throw reader.Fail($"{at}.foreignKeys[{i}].reference", "required object is missing");
                foreignKeys.Add(new ForeignKey(
                    reader.StringOrStrings(fk, "fields", $"{at}.foreignKeys[{i}]"),
                    reader.RequiredString(reference, "resource", $"{at}.foreignKeys[{i}].reference"),
                    reader.StringOrStrings(reference, "fields", $"{at}.foreignKeys[{i}].reference")));
            }
        }

        return new TableSchema
        {
            Fields = fields,
            PrimaryKey = obj.ContainsKey("primaryKey") ? reader.StringOrStrings(obj, "primaryKey", at) : [],
            ForeignKeys = foreignKeys,
            MissingValues = reader.OptionalStrings(obj, "missingValues", at) ?? [""],
        };
    }

    private static TableField ParseField(DescriptorReader reader, JsonObject obj, string at)
    {
        var typeText = reader.OptionalString(obj, "type", at) ?? "string";
        var type = typeText switch
        {
            "string" => FieldType.String,
            "integer" => FieldType.Integer,
            "number" => FieldType.Number,
            "boolean" => FieldType.Boolean,
            "date" => FieldType.Date,
            "yearmonth" => FieldType.YearMonth,
            _ => throw reader.Fail($"{at}.type", $"unsupported field type \"{typeText}\"; expected string, integer, number, boolean, date or yearmonth"),
        };
        var format = reader.OptionalString(obj, "format", at);
        if (format is not null && format != "default")
        {
            throw reader.Fail($"{at}.format", $"only the default format is supported, found \"{format}\"");
        }

        var constraints = new FieldConstraints();
        if (reader.OptionalObject(obj, "constraints", at) is { } c)
        {
            var cat = $"{at}.constraints";
            constraints = new FieldConstraints
            {
                Required = reader.OptionalBool(c, "required", cat, false),
                Unique = reader.OptionalBool(c, "unique", cat, false),
                Minimum = reader.OptionalLexical(c, "minimum", cat),
                Maximum = reader.OptionalLexical(c, "maximum", cat),
                Enum = reader.OptionalStrings(c, "enum", cat),
                Pattern = reader.OptionalString(c, "pattern", cat),
            };
        }

        var field = new TableField
        {
            Name = reader.RequiredString(obj, "name", at),
            Type = type,
            Description = reader.OptionalString(obj, "description", at),
            Constraints = constraints,
            MissingValues = reader.OptionalStrings(obj, "missingValues", at),
            DecimalChar = reader.OptionalChar(obj, "decimalChar", at, '.'),
            GroupChar = obj.ContainsKey("groupChar") ? reader.OptionalChar(obj, "groupChar", at, ',') : null,
        };
        if (reader.OptionalStrings(obj, "trueValues", at) is { } t)
        {
            field = field with { TrueValues = t };
        }

        if (reader.OptionalStrings(obj, "falseValues", at) is { } f)
        {
            field = field with { FalseValues = f };
        }

        if (field.GroupChar == field.DecimalChar)
        {
            throw reader.Fail($"{at}.groupChar", "groupChar must differ from decimalChar");
        }

        CheckBounds(reader, field, at);
        return field;
    }

    private static void CheckBounds(DescriptorReader reader, TableField field, string at)
    {
        var lexicalForm = field with { DecimalChar = '.', GroupChar = null };
        if (field.Type is not (FieldType.String or FieldType.Boolean) && field.Constraints.Enum is { } allowed)
        {
            foreach (var value in allowed.Where(v => !Reading.FieldParser.TryParseBound(lexicalForm, v, out _)))
            {
                throw reader.Fail($"{at}.constraints.enum", $"\"{value}\" is not a valid {field.Type.ToString().ToLowerInvariant()}");
            }
        }

        foreach (var (name, lexical) in new[] { ("minimum", field.Constraints.Minimum), ("maximum", field.Constraints.Maximum) })
        {
            if (lexical is null)
            {
                continue;
            }

            if (field.Type is FieldType.String or FieldType.Boolean)
            {
                throw reader.Fail($"{at}.constraints.{name}", $"a {field.Type.ToString().ToLowerInvariant()} field cannot have a {name}");
            }

            // Bounds are written in the canonical lexical form, whatever decimalChar the data uses.
            if (!Reading.FieldParser.TryParseBound(lexicalForm, lexical, out _))
            {
                throw reader.Fail($"{at}.constraints.{name}", $"\"{lexical}\" is not a valid {field.Type.ToString().ToLowerInvariant()}");
            }
        }
    }

    private static void CheckKeys(DescriptorReader reader, DataPackage package)
    {
        for (var r = 0; r < package.Resources.Count; r++)
        {
            var resource = package.Resources[r];
            foreach (var key in resource.Schema.PrimaryKey.Where(k => resource.Schema.Field(k) is null))
            {
                throw reader.Fail($"$.resources[{r}].schema.primaryKey", $"\"{key}\" is not a field of {resource.Name}");
            }

            foreach (var fk in resource.Schema.ForeignKeys)
            {
                var target = package.Resources.FirstOrDefault(x => x.Name == fk.ReferencedResource)
                    ?? throw reader.Fail($"$.resources[{r}].schema.foreignKeys", $"references unknown resource \"{fk.ReferencedResource}\"");
                if (fk.Fields.Count != fk.ReferencedFields.Count
                    || fk.Fields.Any(f => resource.Schema.Field(f) is null)
                    || fk.ReferencedFields.Any(f => target.Schema.Field(f) is null))
                {
                    throw reader.Fail($"$.resources[{r}].schema.foreignKeys", $"fields of the key into \"{fk.ReferencedResource}\" do not match");
                }
            }
        }
    }

    // The local descriptor says how the files are written (path, format, dialect, decimal and group characters); what
    // the values may be stays canonical. Constraints, keys and missing-value tokens may be left out (the canonical ones
    // apply) or repeated exactly, never changed, so a descriptor shipped with the data cannot make -999 a valid amount.
    private static DataPackage ConformToCanonical(DataPackage local)
    {
        var extraResource = local.Resources.FirstOrDefault(r => Canonical.Resources.All(c => c.Name != r.Name));
        if (extraResource is not null)
        {
            throw new DescriptorException(local.Source, $"$.resources[\"{extraResource.Name}\"]", "is not a resource of the canonical schema");
        }

        var resources = new List<TableResource>();
        foreach (var canonical in Canonical.Resources)
        {
            var index = local.Resources.ToList().FindIndex(r => r.Name == canonical.Name);
            if (index < 0)
            {
                throw new DescriptorException(local.Source, "$.resources", $"resource \"{canonical.Name}\" is missing (required by the canonical schema)");
            }

            var resource = local.Resources[index];
            var at = $"$.resources[{index}].schema";
            foreach (var extra in resource.Schema.Fields.Where(f => canonical.Schema.Field(f.Name) is null))
            {
                throw new DescriptorException(local.Source, $"{at}.fields[\"{extra.Name}\"]", "is not a field of the canonical schema");
            }

            var defaults = new TableSchema { Fields = [] };
            SameOrAbsent(local, $"{at}.primaryKey", resource.Schema.PrimaryKey, canonical.Schema.PrimaryKey, defaults.PrimaryKey);
            SameOrAbsent(local, $"{at}.foreignKeys", [.. resource.Schema.ForeignKeys.Select(KeyText)], [.. canonical.Schema.ForeignKeys.Select(KeyText)], []);
            SameOrAbsent(local, $"{at}.missingValues", resource.Schema.MissingValues, canonical.Schema.MissingValues, defaults.MissingValues);
            var fields = new List<TableField>();
            foreach (var field in canonical.Schema.Fields)
            {
                var fieldAt = $"{at}.fields[\"{field.Name}\"]";
                var mine = resource.Schema.Field(field.Name)
                    ?? throw new DescriptorException(local.Source, $"{at}.fields", $"field \"{field.Name}\" is missing (required by the canonical schema)");
                if (mine.Type != field.Type)
                {
                    throw new DescriptorException(local.Source, $"{fieldAt}.type",
                        $"is {mine.Type.ToString().ToLowerInvariant()} but the canonical schema says {field.Type.ToString().ToLowerInvariant()}");
                }

                if (mine.Constraints != new FieldConstraints() && !SameConstraints(mine.Constraints, field.Constraints))
                {
                    throw new DescriptorException(local.Source, $"{fieldAt}.constraints",
                        "differ from the canonical schema; a local datapackage.json may change the path, format, dialect, decimalChar and groupChar, never the constraints (leave them out and the canonical ones apply)");
                }

                var fieldDefaults = new TableField { Name = field.Name, Type = field.Type };
                SameOrAbsent(local, $"{fieldAt}.missingValues", mine.MissingValues ?? [], field.MissingValues ?? [], []);
                SameOrAbsent(local, $"{fieldAt}.trueValues", mine.TrueValues, field.TrueValues, fieldDefaults.TrueValues);
                SameOrAbsent(local, $"{fieldAt}.falseValues", mine.FalseValues, field.FalseValues, fieldDefaults.FalseValues);
                fields.Add(field with { DecimalChar = mine.DecimalChar, GroupChar = mine.GroupChar });
            }

            resources.Add(canonical with
            {
                Path = resource.Path,
                Format = resource.Format,
                Dialect = resource.Dialect,
                Schema = canonical.Schema with { Fields = fields },
            });
        }

        return local with { Resources = resources };
    }

    private static bool SameConstraints(FieldConstraints a, FieldConstraints b) =>
        a.Required == b.Required && a.Unique == b.Unique && a.Minimum == b.Minimum && a.Maximum == b.Maximum && a.Pattern == b.Pattern
        && (a.Enum ?? []).SequenceEqual(b.Enum ?? [], StringComparer.Ordinal) && (a.Enum is null) == (b.Enum is null);

    private static string KeyText(ForeignKey key) => $"{string.Join("+", key.Fields)} -> {key.ReferencedResource}.{string.Join("+", key.ReferencedFields)}";

    // A list left out parses as its default (absent); anything else must be the canonical list.
    private static void SameOrAbsent(DataPackage local, string location, IReadOnlyList<string> mine, IReadOnlyList<string> canonical, IReadOnlyList<string> absent)
    {
        if (!mine.SequenceEqual(absent, StringComparer.Ordinal) && !mine.SequenceEqual(canonical, StringComparer.Ordinal))
        {
            throw new DescriptorException(local.Source, location,
                $"[{string.Join(", ", mine)}] differs from the canonical [{string.Join(", ", canonical)}]; a local datapackage.json may not change it (leave it out and the canonical value applies)");
        }
    }
}
