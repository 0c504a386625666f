using Research.Pipeline.Caching;
using Research.Pipeline.Hashing;
using Research.Pipeline.Tool;

namespace Research.Pipeline.Inputs;

/// <summary>
/// Validation as a cached step of the pipeline, like the reports: its verdict is a function of the extract's inputs, the
/// library build that checks them and whether external resources may be read, so a run whose inputs and tool are those
/// of the last successful validation into the same output directory reuses it (and the municipalities it found) instead
/// of reading and checking every file again. <c>--force</c>, any changed dependency, a changed or missing
/// <c>validation.txt</c> or a missing extract cache validates again, each printed as its reason.
/// </summary>
public static class ValidationStep
{
    /// <summary>The step's name in the cache directory (<c>OUT/.cache/validation.json</c>), so no report may take it.</summary>
    public const string Name = "validation";

    /// <summary>What the verdict depends on.</summary>
    public static IReadOnlyList<Dependency> Dependencies(IReadOnlyList<InputFile> inputs, ToolFingerprint tool, bool allowExternal)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(tool);
        var dependencies = inputs.Select(i => new Dependency(DependencyKind.Input, i.Name, i.Sha256)).ToList();
        dependencies.Add(new Dependency(DependencyKind.Parameter, "allow-external", FileHash.OfText(allowExternal ? "true" : "false")));
        dependencies.Add(new Dependency(DependencyKind.ToolBuild, string.Empty, tool.LibraryBuild));
        return dependencies;
    }
}
