using System.Reflection;
using Research.Notebooks.Execution;

namespace Research.Cli.Run;

/// <summary>
/// The project's own libraries (every <c>Research.*.dll</c> shipped next to the CLI) made available to notebook
/// cells without <c>#r</c>, with their namespaces imported. A namespace whose type names would clash with one
/// already imported is left out, so a simple name never becomes ambiguous by default.
/// </summary>
internal static class ProjectLibraries
{
    // The host and its language support are added by NotebookCompatibility, not as libraries.
    private static readonly string[] NotLibraries = { "research", "Research.Cli", "Research.Notebooks", "Research.Notebooks.FSharp", "Research.Notebooks.Sql", "Research.Interactive.Compat", "Research.Jupyter" };

    /// <summary>Adds the libraries and their namespaces to <paramref name="options"/>.</summary>
    public static void AddTo(NotebookHostOptions options)
    {
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in Discover())
        {
            options.DefaultAssemblies.Add(assembly);
            foreach (var group in ExportedTypes(assembly).GroupBy(t => t.Namespace!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var names = group.Select(t => t.Name).ToList();
                if (names.Any(typeNames.Contains))
                {
                    continue;
                }

                typeNames.UnionWith(names);
                options.DefaultUsings.Add(group.Key);
            }
        }
    }

    private static IEnumerable<Assembly> Discover() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Research.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !NotLibraries.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Where(name => !name!.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase)) // the tool may run from a test directory
            .Order(StringComparer.Ordinal)
            .Select(name => Assembly.Load(new AssemblyName(name!)));

    private static IEnumerable<Type> ExportedTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t.Namespace is not null && !t.IsNested);
}
