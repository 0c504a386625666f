using Research.Notebooks.Execution;
using Research.Notebooks.FSharp;
using Research.Notebooks.Sql;

namespace Research.Cli.Run;

/// <summary>
/// What lets notebooks written for .NET Interactive run unchanged: the compatibility assembly (namespaces
/// <c>Microsoft.DotNet.Interactive</c> and <c>.Formatting</c>, imported in C# cells as .NET Interactive did) and the
/// F# kernel, which starts only when a notebook has an F# cell, and the <c>#!sql</c> kernel over the extract cache, whose
/// DuckDB starts only at the first SQL cell. <c>research run</c> and the Jupyter kernel both add it.
/// </summary>
internal static class NotebookCompatibility
{
    private static readonly string[] Usings = { "Microsoft.DotNet.Interactive", "Microsoft.DotNet.Interactive.Formatting" };

    /// <summary>Adds the compatibility surface and the F# kernel to <paramref name="options"/>.</summary>
    public static void AddTo(NotebookHostOptions options)
    {
        options.DefaultAssemblies.Add(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly);
        options.DefaultUsings.AddRange(Usings);
        options.KernelFactories.Add((o, directory) => new FSharpKernel(o, directory));
        options.KernelFactories.Add((_, directory) => new SqlKernel(directory));
    }
}
