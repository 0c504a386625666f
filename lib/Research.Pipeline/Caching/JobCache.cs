using System.Text.Json;
using Research.Pipeline.Files;

namespace Research.Pipeline.Caching;

/// <summary>
/// The cache entries of one output directory (<c>OUT/.cache/NAME.json</c>). An entry is written only after a job
/// succeeded and removed before it runs again, so an entry always describes outputs a successful run wrote.
/// </summary>
public sealed class JobCache(string directory)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The entry of job <paramref name="name"/>, or null when there is none or it cannot be read.</summary>
    public CacheEntry? Load(string name)
    {
        var file = PathOf(name);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(file), Options) is { Dependencies: not null, Outputs: not null } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null; // a damaged entry only costs a re-run
        }
    }

    /// <summary>Records a successful run.</summary>
    public void Store(CacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Directory.CreateDirectory(directory);
        AtomicFile.WriteText(PathOf(entry.Job), JsonSerializer.Serialize(entry, Options).ReplaceLineEndings("\n") + "\n");
    }

    /// <summary>Forgets job <paramref name="name"/> (before it runs, or when it is no longer part of the run).</summary>
    public void Remove(string name)
    {
        if (Directory.Exists(directory))
        {
            File.Delete(PathOf(name));
        }
    }

    private string PathOf(string name) => Path.Combine(directory, name + ".json");
}
