using Research.Data.FileSystem;
using Research.Pipeline.Jobs;

namespace Research.Pipeline.Files;

/// <summary>
/// What a run writes in its output directory, and the rule that keeps inputs out of it: no input may be one of those
/// files or lie in the directories the run replaces (<c>reports/</c>, <c>logs/</c>, <c>.cache/</c>), compared as real
/// paths, so a symbolic link cannot make an output overwrite an input.
/// </summary>
public static class OutputLayout
{
    /// <summary>The validation report.</summary>
    public const string ValidationFile = "validation.txt";

    /// <summary>The index page.</summary>
    public const string IndexFile = "index.html";

    /// <summary>The cache entries' directory.</summary>
    public const string CacheDirectory = ".cache";

    /// <summary>The directory generated extracts go to.</summary>
    public const string ExtractDirectory = "extracts";

    /// <summary>Fails when an input would be overwritten or deleted by the run.</summary>
    /// <exception cref="PipelineException">An input lies among the outputs; the message names both.</exception>
    /// <exception cref="IOException">A path runs through a symbolic link loop.</exception>
    public static void CheckInputsAreNotOutputs(string outputDirectory, IEnumerable<string> inputs)
    {
        string[] replacedDirectories = [NotebookJob.ReportDirectory, NotebookJob.LogDirectory, CacheDirectory];
        string[] files = [ValidationFile, IndexFile, Provenance.ProvenanceRecord.FileName, OutputLock.FileName];
        var directories = replacedDirectories.Select(d => Path.Combine(outputDirectory, d)).ToList();
        var outputs = files.Select(f => RealPath.Of(Path.Combine(outputDirectory, f))).ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var real = RealPath.Of(input);
            if (outputs.Contains(real) || directories.Any(d => RealPath.IsWithin(real, d)))
            {
                throw new PipelineException($"the input {input} lies among the outputs of {outputDirectory} (it would be overwritten or removed); choose another --out");
            }
        }
    }
}
