using Research.Pipeline.Caching;

namespace Research.Pipeline.Jobs;

/// <summary>
/// One notebook execution of the pipeline (a municipal report or the synthesis): the notebook, its parameters, what its
/// results depend on, and the outputs it writes, all paths relative to the output directory.
/// </summary>
/// <param name="Name">Job name, e.g. <c>utrecht</c> or <c>synthesis</c>; names the output files.</param>
/// <param name="Notebook">The notebook file (full path).</param>
/// <param name="Parameters">Parameters injected into the notebook.</param>
/// <param name="Dependencies">Everything the results depend on, each a named reason to re-run.</param>
public sealed record NotebookJob(string Name, string Notebook, IReadOnlyList<JobParameter> Parameters, IReadOnlyList<Dependency> Dependencies)
{
    /// <summary>The report directory inside the output directory.</summary>
    public const string ReportDirectory = "reports";

    /// <summary>The log directory inside the output directory.</summary>
    public const string LogDirectory = "logs";

    /// <summary>The executed notebook, relative to the output directory.</summary>
    public string ExecutedNotebook => $"{ReportDirectory}/{Name}.ipynb";

    /// <summary>The HTML report, relative to the output directory.</summary>
    public string Html => $"{ReportDirectory}/{Name}.html";

    /// <summary>The result file, relative to the output directory.</summary>
    public string Results => $"{ReportDirectory}/{Name}.results.json";

    /// <summary>The log of the run, relative to the output directory.</summary>
    public string Log => $"{LogDirectory}/{Name}.log";

    /// <summary>The outputs a successful run leaves, relative to the output directory.</summary>
    public IReadOnlyList<string> Outputs => [ExecutedNotebook, Html, Results];
}
