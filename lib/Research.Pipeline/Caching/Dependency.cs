namespace Research.Pipeline.Caching;

/// <summary>One thing a job depends on and the hash it had, e.g. input <c>participants</c> with its SHA-256.</summary>
/// <param name="Kind">What kind of dependency.</param>
/// <param name="Name">Which one (<c>participants</c>, <c>municipality</c>, <c>utrecht</c>); empty for the tool build and packages.</param>
/// <param name="Hash">Its hash now (a parameter's value is hashed too, so the cache never holds a value).</param>
public sealed record Dependency(DependencyKind Kind, string Name, string Hash)
{
    /// <summary>The key in a cache entry, e.g. <c>input:participants</c>.</summary>
    public string Key => Name.Length == 0 ? KindKey(Kind) : $"{KindKey(Kind)}:{Name}";

    /// <summary>How a reason names it, e.g. <c>input participants</c> or <c>the tool build</c>.</summary>
    public static string Describe(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? (key, string.Empty) : (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            "notebook" => $"notebook {name}",
            "parameter" => $"parameter {name}",
            "input" => $"input {name}",
            "tool-build" => "the tool build",
            "packages" => "the package versions",
            "result" => $"the {name} result file",
            _ => key,
        };
    }

    private static string KindKey(DependencyKind kind) => kind switch
    {
        DependencyKind.Notebook => "notebook",
        DependencyKind.Parameter => "parameter",
        DependencyKind.Input => "input",
        DependencyKind.ToolBuild => "tool-build",
        DependencyKind.Packages => "packages",
        DependencyKind.Result => "result",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
