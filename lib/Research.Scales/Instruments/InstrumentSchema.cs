using System.Reflection;
using Json.Schema;

namespace Research.Scales.Instruments;

/// <summary>The JSON Schema of the instrument format (<c>data-schema/instruments/instrument.schema.json</c>, embedded).</summary>
public static class InstrumentSchema
{
    private const string ResourceName = "Research.Scales.instrument.schema.json";

    private static readonly Lazy<string> LazyText = new(ReadText);
    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromText(LazyText.Value));

    /// <summary>The schema text as shipped in <c>data-schema/instruments/instrument.schema.json</c>.</summary>
    public static string Text => LazyText.Value;

    /// <summary>The parsed schema.</summary>
    public static JsonSchema Schema => LazySchema.Value;

    private static string ReadText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Research.Scales.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
