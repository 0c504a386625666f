using System.Text.RegularExpressions;

namespace Research.Notebooks.Packages;

/// <summary>A NuGet package requested with <c>#r "nuget: Name, Version"</c>; a null version floats to the latest stable.</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">A version, a floating range such as <c>*</c> or <c>*-*</c>, or null.</param>
public sealed partial record PackageReference(string Name, string? Version)
{
    /// <summary>
    /// Parses the directive line <c>#r "nuget: Name[, Version]"</c>; returns null when the line is not a NuGet reference.
    /// </summary>
    public static PackageReference? TryParseDirective(string line)
    {
        var match = Directive().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var version = match.Groups["version"].Success ? match.Groups["version"].Value.Trim() : null;
        return new PackageReference(match.Groups["name"].Value.Trim(), string.IsNullOrEmpty(version) ? null : version);
    }

    /// <summary>The version written into the generated project (<c>*</c> when none was given).</summary>
    public string EffectiveVersion => Version ?? "*";

    /// <inheritdoc />
    public override string ToString() => Version is null ? Name : $"{Name}, {Version}";

    [GeneratedRegex(@"^\s*#r\s+""\s*nuget\s*:\s*(?<name>[^,""\s]+)\s*(,(?<version>[^""]*))?""\s*$")]
    private static partial Regex Directive();
}
