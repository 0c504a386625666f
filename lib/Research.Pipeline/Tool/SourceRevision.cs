using System.Reflection;

namespace Research.Pipeline.Tool;

/// <summary>
/// The git revision the tool was built from and whether the working tree was clean, read from git at build time into
/// this assembly's metadata (see the <c>ReadSourceRevision</c> target of Research.Pipeline.csproj), so no git is needed
/// when the tool runs.
/// </summary>
/// <param name="Revision">The commit id, or <c>unknown</c> for a build outside a git checkout.</param>
/// <param name="TreeClean">Whether the tree had no uncommitted changes; null when unknown.</param>
public sealed record SourceRevision(string Revision, bool? TreeClean)
{
    /// <summary>The revision of this build.</summary>
    public static SourceRevision OfThisBuild { get; } = Read(typeof(SourceRevision).Assembly);

    private static SourceRevision Read(Assembly assembly)
    {
        string? Metadata(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        var clean = Metadata("SourceTreeClean") switch
        {
            "true" => true,
            "false" => (bool?)false,
            _ => null,
        };
        return new SourceRevision(Metadata("SourceRevision") is { Length: > 0 } revision ? revision : "unknown", clean);
    }
}
