using System.Text.Json;

namespace Research.Statistics.Tests;

/// <summary>Reads reference outputs that R scripts under Fixtures/ wrote, so the tests need no R.</summary>
internal static class ReferenceFixture
{
    public static JsonElement Load(params string[] relativePath)
    {
        var path = Path.Combine([AppContext.BaseDirectory, "Fixtures", .. relativePath]);
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>The numbers, with R's NA (JSON null) as NaN.</summary>
    public static double[] DoublesWithMissing(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray();

    public static string[] Strings(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToArray();

    public static double Double(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    /// <summary>The number, or null when R wrote NA (JSON null) or the field is absent.</summary>
    public static double? OptionalDouble(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;
}
