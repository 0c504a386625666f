using System.Text;
using System.Text.Json;

namespace Research.Cli.Pipeline;

/// <summary>
/// Remembers, per job, the cache key of its last successful run and the hashes of its outputs, in
/// <c>OUT/.cache/NAME.json</c>. A job is skipped when its key is unchanged and its outputs are still the bytes it wrote.
/// </summary>
public sealed class JobCache(string directory)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Whether <paramref name="job"/> can be skipped; if so, <paramref name="outputs"/> are its outputs' hashes (checked
    /// against the files just now).
    /// </summary>
    public bool IsFresh(NotebookJob job, string key, string reports, out IReadOnlyList<FileHash> outputs)
    {
        outputs = [];
        var file = Path.Combine(directory, job.Name + ".json");
        if (!File.Exists(file))
        {
            return false;
        }

        var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file), Options);
        if (entry is null || entry.Key != key || !entry.Outputs.All(o =>
            {
                var path = Path.Combine(reports, o.Path);
                return File.Exists(path) && FileHash.Of(path, reports).Sha256 == o.Sha256;
            }))
        {
            return false;
        }

        outputs = entry.Outputs;
        return true;
    }

    /// <summary>Records a successful run of <paramref name="job"/>.</summary>
    public void Store(NotebookJob job, string key, string reports)
    {
        Directory.CreateDirectory(directory);
        var entry = new Entry(key, job.Outputs(reports).Select(o => FileHash.Of(o, reports)).ToList());
        File.WriteAllText(Path.Combine(directory, job.Name + ".json"), JsonSerializer.Serialize(entry, Options), new UTF8Encoding(false));
    }

    private sealed record Entry(string Key, IReadOnlyList<FileHash> Outputs);
}
