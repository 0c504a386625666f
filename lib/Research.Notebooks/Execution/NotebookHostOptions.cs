using System.Reflection;
using Research.Notebooks.Formatting;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Execution;

/// <summary>How a host runs notebooks: what C# cells see without <c>#r</c>/<c>using</c>, formatters, limits.</summary>
public sealed class NotebookHostOptions
{
    /// <summary>The per-cell timeout used when none is given: long enough for real analyses, short enough for CI.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The output cap per cell when none is given: 8 MiB of text, far above what a report cell shows (its charts and
    /// tables take tens to hundreds of KiB) and small enough that a runaway print loop cannot flood the notebook.
    /// </summary>
    public const long DefaultMaxOutputBytes = 8L * 1024 * 1024;

    /// <summary>
    /// Assemblies C# cells reference without <c>#r</c> (the CLI adds the project's <c>Research.*</c> libraries). The
    /// core library, LINQ, Research.Notebooks, Microsoft.Data.Analysis and Plotly.NET are always referenced.
    /// </summary>
    public List<Assembly> DefaultAssemblies { get; } = new();

    /// <summary>Namespaces imported into every C# cell, in addition to <see cref="StandardUsings"/>.</summary>
    public List<string> DefaultUsings { get; } = new();

    /// <summary>The namespaces every C# cell imports.</summary>
    public static IReadOnlyList<string> StandardUsings { get; } = new[]
    {
        "System", "System.Collections", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq",
        "System.Text", "System.Threading.Tasks", "Research.Notebooks", "Research.Notebooks.Formatting",
    };

    /// <summary>
    /// Kernels every session adds to the built-in ones (C#, Markdown, HTML, JavaScript, Mermaid, value), each created
    /// per session with the options and the notebook's directory, e.g. the F# kernel of <c>Research.Notebooks.FSharp</c>.
    /// A kernel should start its engine lazily (in <see cref="IKernel.ReadyAsync"/>), so notebooks that never use it
    /// pay nothing.
    /// </summary>
    public List<Func<NotebookHostOptions, string?, IKernel>> KernelFactories { get; } = new();

    /// <summary>
    /// Make the session's working directory (the notebook's folder, or <c>--cwd</c>) the process's current directory
    /// while its cells run, so <c>File.ReadAllText("data.csv")</c> finds the notebook's data. The current directory is
    /// process-wide: a host running several sessions' cells at once in one process turns this off.
    /// </summary>
    public bool SetWorkingDirectory { get; set; } = true;

    /// <summary>The formatters; register more to show a library's own result types richly.</summary>
    public FormatterRegistry Formatters { get; init; } = FormatterRegistry.CreateDefault();

    /// <summary>How long one cell may run before it is abandoned and reported.</summary>
    public TimeSpan CellTimeout { get; set; } = DefaultCellTimeout;

    /// <summary>Keep running after a failing cell (errors still appear as outputs); timeouts always stop the run.</summary>
    public bool AllowErrors { get; set; }

    /// <summary>
    /// The most output one cell may produce, in UTF-8 bytes of stream text and display data; what comes after is
    /// dropped and a note says so, as Jupyter front ends do. Updates of a display replace it and do not count.
    /// </summary>
    public long MaxOutputBytes { get; set; } = DefaultMaxOutputBytes;

    /// <summary>
    /// Record when each cell ran in the executed notebook's metadata (nbclient's <c>execution</c> timestamps and
    /// papermill's <c>papermill</c> metadata). Off: executed notebooks of identical runs are byte-identical.
    /// </summary>
    public bool RecordTiming { get; set; } = true;

    /// <summary>Answers cells' input requests (<c>Console.ReadLine()</c>, <c>GetInputAsync</c>); headless by default.</summary>
    public IInputProvider Input { get; set; } = new HeadlessInputProvider();

    /// <summary>Where restored NuGet package sets are cached (default: <c>research/nuget</c> in the local application data folder, <c>~/.local/share</c> on Linux).</summary>
    public string PackageCacheDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "research", "nuget");

    /// <summary>
    /// Where C# cells' compiled assemblies are kept between runs, so a notebook run again loads each unchanged cell
    /// instead of compiling it (default: <c>research/cells</c> in the local application data folder, none when there
    /// is no such folder); null compiles every cell. A cell is reused only after the same cells, on the same references, compiler and host build
    /// (<see cref="Kernels.CompiledCellCache"/>).
    /// </summary>
    public string? CompiledCellCacheDirectory { get; set; } = DefaultCellCache();

    // None without a data folder (no HOME): a relative folder would put the cache in the notebook's directory.
    private static string? DefaultCellCache() =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data
            ? Path.Combine(data, "research", "cells")
            : null;

    /// <summary>
    /// Start the C# compiler in the background when the kernel starts, even when its first submission comes from the
    /// compiled-cell cache, so the first cell that has to be compiled does not wait for the compiler to load (about
    /// half a second). On by default, for interactive work; <c>research run</c> turns it off, because a notebook run
    /// again usually loads every cell and the compiler would only take a core from the cells.
    /// </summary>
    public bool WarmUpCompiler { get; set; } = true;
}
