using Research.Pipeline.Caching;
using Research.Pipeline.Hashing;
using Research.Pipeline.Inputs;
using Research.Pipeline.Tool;

namespace Research.Pipeline.Jobs;

/// <summary>
/// Builds the pipeline's jobs with everything their results depend on: the notebook's bytes, the parameters that are
/// not paths, every extract input, the tool build and the package versions, and for the synthesis every municipal result.
/// </summary>
/// <param name="notebookDirectory">The directory of the two notebooks.</param>
/// <param name="extractParameter">The extract directory as the notebooks see it (relative to the output directory).</param>
/// <param name="inputs">The hashed extract inputs.</param>
/// <param name="tool">The tool's fingerprint.</param>
public sealed class JobBuilder(string notebookDirectory, string extractParameter, IReadOnlyList<InputFile> inputs, ToolFingerprint tool)
{
    /// <summary>The municipal report template's file name.</summary>
    public const string MunicipalNotebook = "municipal-report.ipynb";

    /// <summary>The synthesis notebook's file name.</summary>
    public const string SynthesisNotebook = "synthesis.ipynb";

    /// <summary>The synthesis job's name.</summary>
    public const string SynthesisJob = "synthesis";

    /// <summary>The report of <paramref name="municipality"/>.</summary>
    public NotebookJob Municipal(string municipality) => Create(municipality, MunicipalNotebook,
        [
            new JobParameter("municipality", municipality),
            new JobParameter("extracts", extractParameter, IsPath: true),
            new JobParameter("output_dir", NotebookJob.ReportDirectory, IsPath: true),
        ],
        []);

    /// <summary>The synthesis of the municipal results, whose current hashes are <paramref name="results"/> (job name to SHA-256).</summary>
    public NotebookJob Synthesis(IReadOnlyDictionary<string, string> results) => Create(SynthesisJob, SynthesisNotebook,
        [
            new JobParameter("results_dir", NotebookJob.ReportDirectory, IsPath: true),
            new JobParameter("extracts", extractParameter, IsPath: true),
            new JobParameter("output_dir", NotebookJob.ReportDirectory, IsPath: true),
        ],
        results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Dependency(DependencyKind.Result, r.Key, r.Value)));

    private NotebookJob Create(string name, string notebookFile, IReadOnlyList<JobParameter> parameters, IEnumerable<Dependency> more)
    {
        var notebook = Path.Combine(notebookDirectory, notebookFile);
        var dependencies = new List<Dependency> { new(DependencyKind.Notebook, notebookFile, FileHash.OfFile(notebook)) };
        dependencies.AddRange(parameters.Where(p => !p.IsPath).Select(p => new Dependency(DependencyKind.Parameter, p.Name, FileHash.OfText(p.Value))));
        dependencies.AddRange(inputs.Select(i => new Dependency(DependencyKind.Input, i.Name, i.Sha256)));
        dependencies.Add(new Dependency(DependencyKind.ToolBuild, string.Empty, tool.LibraryBuild));
        dependencies.Add(new Dependency(DependencyKind.Packages, string.Empty, tool.PackagesHash));
        dependencies.AddRange(more);
        return new NotebookJob(name, notebook, parameters, dependencies);
    }
}
