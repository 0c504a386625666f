namespace Research.Cli.Pipeline;

/// <summary>One notebook execution of the pipeline: a municipal report or the synthesis.</summary>
/// <param name="Name">Job name, e.g. <c>utrecht</c> or <c>synthesis</c>; names the output files.</param>
/// <param name="Notebook">The notebook file.</param>
/// <param name="Parameters">Parameters injected papermill-style.</param>
/// <param name="Inputs">Hashes of the files the result depends on besides the notebook (they key the cache).</param>
public sealed record NotebookJob(string Name, string Notebook, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<FileHash> Inputs)
{
    /// <summary>The executed notebook inside <paramref name="reports"/>.</summary>
    public string ExecutedNotebook(string reports) => Path.Combine(reports, Name + ".ipynb");

    /// <summary>The HTML report inside <paramref name="reports"/>.</summary>
    public string Html(string reports) => Path.Combine(reports, Name + ".html");

    /// <summary>The result file inside <paramref name="reports"/>.</summary>
    public string Results(string reports) => Path.Combine(reports, Name + ".results.json");

    /// <summary>The outputs a successful run leaves.</summary>
    public IEnumerable<string> Outputs(string reports) => [ExecutedNotebook(reports), Html(reports), Results(reports)];

    /// <summary>
    /// The cache key: notebook bytes, parameters, every input file's bytes and the tool (library build and package
    /// versions). Paths are left out, so moving the output directory keeps the cache valid.
    /// </summary>
    public string CacheKey(ToolFingerprint tool) => FileHash.Combine(
        new[] { tool.CacheKey, FileHash.Of(Notebook, Path.GetDirectoryName(Notebook)!).Sha256 }
            .Concat(Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(IsPath(p.Key) ? "<path>" : p.Value)}"))
            .Concat(Inputs.Select(f => $"{f.Path} {f.Sha256}")));

    private static bool IsPath(string parameter) => parameter is "extracts" or "output_dir" or "results_dir";
}
