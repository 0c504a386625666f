using System.Text.Json;
using System.Text.Json.Serialization;

namespace Research.Data.Caching;

/// <summary>
/// <c>manifest.json</c> of an extract cache entry: what it was built from and, per municipality and table, the partition
/// file with its row count and digest (<see cref="CacheDigest"/>, checked before a byte of it is parsed).
/// </summary>
internal sealed record CacheManifest
{
    /// <summary>The manifest's file name in an entry.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public required string Format { get; init; }

    public required string Build { get; init; }

    public required string Key { get; init; }

    public required IReadOnlyList<CachedInput> Inputs { get; init; }

    public required IReadOnlyList<CachedPartition> Partitions { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">Not a manifest.</exception>
    public static CacheManifest Parse(string json) => JsonSerializer.Deserialize<CacheManifest>(json, Json) ?? throw new JsonException("the manifest is null");
}
