using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Research.Cli.Pipeline;

/// <summary>One executed (or cached) notebook in the provenance record.</summary>
/// <param name="Name">Job name.</param>
/// <param name="Notebook">Notebook path as given.</param>
/// <param name="Parameters">Injected parameters.</param>
/// <param name="Cached">Whether the job was skipped because nothing it depends on changed.</param>
/// <param name="Seconds">Wall time of the run (0 when cached).</param>
/// <param name="Outputs">Hashes of the outputs, relative to the report directory.</param>
public sealed record JobRecord(string Name, string Notebook, IReadOnlyDictionary<string, string> Parameters, bool Cached, double Seconds, IReadOnlyList<FileHash> Outputs);

/// <summary>How the extracts came about when the pipeline generated them.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Scale">The population multiplier.</param>
public sealed record GeneratedExtracts(ulong Seed, double Scale);

/// <summary>
/// <c>provenance.json</c>: the SHA-256 of every input file and notebook, the parameters, tool and package versions,
/// runtime, OS, start and end times, and the hash of every result file — what <c>research verify</c> re-executes from.
/// </summary>
public sealed record Provenance
{
    /// <summary>The file name inside an output directory.</summary>
    public const string FileName = "provenance.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The tool and its environment.</summary>
    public required ToolFingerprint Tool { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The extract directory (absolute).</summary>
    public required string ExtractDirectory { get; init; }

    /// <summary>Set when the pipeline generated the extracts itself.</summary>
    public GeneratedExtracts? Generated { get; init; }

    /// <summary>Every extract file with its hash.</summary>
    public required IReadOnlyList<FileHash> ExtractFiles { get; init; }

    /// <summary>The notebook directory (absolute).</summary>
    public required string NotebookDirectory { get; init; }

    /// <summary>Every notebook with its hash.</summary>
    public required IReadOnlyList<FileHash> Notebooks { get; init; }

    /// <summary>The notebook runs.</summary>
    public required IReadOnlyList<JobRecord> Jobs { get; init; }

    /// <summary>The result files with their hashes, relative to the report directory.</summary>
    public required IReadOnlyList<FileHash> Results { get; init; }

    /// <summary>Writes the record.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options).ReplaceLineEndings("\n") + "\n", new UTF8Encoding(false));

    /// <summary>Reads a record.</summary>
    /// <exception cref="InvalidDataException">Not a provenance file.</exception>
    public static Provenance Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Provenance>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a provenance record: {e.Message}", e);
        }
    }
}
