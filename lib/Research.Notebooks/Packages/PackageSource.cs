using System.Text.RegularExpressions;

namespace Research.Notebooks.Packages;

/// <summary>
/// A NuGet package source added with <c>#i "nuget: SOURCE"</c> (a feed URL or a local folder); it applies to every
/// later restore of the kernel, as in .NET Interactive.
/// </summary>
public static partial class PackageSource
{
    /// <summary>
    /// The source of the directive line <c>#i "nuget: SOURCE"</c>, with a relative folder made absolute against
    /// <paramref name="baseDirectory"/>; null when the line is not such a directive.
    /// </summary>
    public static string? TryParseDirective(string line, string baseDirectory)
    {
        var match = Directive().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var source = match.Groups["source"].Value.Trim();
        return Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile
            ? source
            : Path.GetFullPath(source, baseDirectory);
    }

    [GeneratedRegex(@"^\s*#i\s+""\s*nuget\s*:\s*(?<source>[^""]+)""\s*$")]
    private static partial Regex Directive();
}
