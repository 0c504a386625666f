using System.Text.Encodings.Web;
using System.Text.Json;
using Research.Pipeline.Files;
using Research.Pipeline.Hashing;
using Research.Pipeline.Tool;

namespace Research.Pipeline.Provenance;

/// <summary>
/// <c>provenance.json</c>: the tool (version, source revision, clean tree, library build, packages, runtime, OS), the
/// hash of every input and notebook, every job with its parameters and when its outputs were produced, and the hash of
/// every output, all with paths relative to the output directory. <c>research verify</c> checks and re-executes from it.
/// </summary>
public sealed record ProvenanceRecord
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

    /// <summary>The extracts.</summary>
    public required ExtractRecord Extracts { get; init; }

    /// <summary>The notebooks.</summary>
    public required NotebookRecord Notebooks { get; init; }

    /// <summary>The notebook jobs.</summary>
    public required IReadOnlyList<JobRecord> Jobs { get; init; }

    /// <summary>The result files with their hashes, relative to the output directory.</summary>
    public required IReadOnlyList<FileHash> Results { get; init; }

    /// <summary>Every output of the run (reports, result files, logs, index page, validation report) with its hash, relative to the output directory.</summary>
    public required IReadOnlyList<FileHash> Outputs { get; init; }

    /// <summary>Writes the record (atomically).</summary>
    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Options).ReplaceLineEndings("\n") + "\n");

    /// <summary>Reads a record.</summary>
    /// <exception cref="PipelineException">The file is missing or not a provenance record.</exception>
    public static ProvenanceRecord Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PipelineException($"{path} does not exist; run research run-all first");
        }

        try
        {
            var record = JsonSerializer.Deserialize<ProvenanceRecord>(File.ReadAllText(path), Options);
            return record is { Tool: not null, Extracts.Inputs: not null, Notebooks.Files: not null, Jobs: not null, Results: not null, Outputs: not null }
                ? record
                : throw new PipelineException($"{path} is not a provenance record: a required property is missing");
        }
        catch (JsonException e)
        {
            throw new PipelineException($"{path} is not a provenance record: {e.Message}", e);
        }
    }
}
