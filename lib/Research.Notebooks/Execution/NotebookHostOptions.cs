using System.Reflection;
using Research.Notebooks.Formatting;

namespace Research.Notebooks.Execution;

/// <summary>How a host runs notebooks: what C# cells see without <c>#r</c>/<c>using</c>, formatters, limits.</summary>
public sealed class NotebookHostOptions
{
    /// <summary>The per-cell timeout used when none is given: long enough for real analyses, short enough for CI.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(10);

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

    /// <summary>The formatters; register more to show a library's own result types richly.</summary>
    public FormatterRegistry Formatters { get; init; } = FormatterRegistry.CreateDefault();

    /// <summary>How long one cell may run before it is abandoned and reported.</summary>
    public TimeSpan CellTimeout { get; set; } = DefaultCellTimeout;

    /// <summary>Keep running after a failing cell (errors still appear as outputs); timeouts always stop the run.</summary>
    public bool AllowErrors { get; set; }

    /// <summary>Where restored NuGet package sets are cached (default: <c>research/nuget</c> in the local application data folder, <c>~/.local/share</c> on Linux).</summary>
    public string PackageCacheDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "research", "nuget");
}
