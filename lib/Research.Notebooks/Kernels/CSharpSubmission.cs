using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Research.Notebooks.Packages;

namespace Research.Notebooks.Kernels;

/// <summary>
/// A C# cell split into its NuGet directives (<c>#r "nuget: …"</c>, <c>#i "nuget: …"</c>) and the code Roslyn compiles. Directive and magic lines are blanked,
/// not removed, so compiler line numbers are cell line numbers.
/// </summary>
internal sealed class CSharpSubmission
{
    private CSharpSubmission(string code, IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources, (int Line, string Text)? unknownMagic)
    {
        Code = code;
        Packages = packages;
        Sources = sources;
        UnknownMagic = unknownMagic;
    }

    /// <summary>The code to compile.</summary>
    public string Code { get; }

    /// <summary>The packages of the cell's <c>#r "nuget: ..."</c> lines, restored before any of its code runs.</summary>
    public IReadOnlyList<PackageReference> Packages { get; }

    /// <summary>The package sources of the cell's <c>#i "nuget: SOURCE"</c> lines.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The first <c>#!</c> line that no part of the host understands, with its 1-based line number.</summary>
    public (int Line, string Text)? UnknownMagic { get; }

    /// <summary>Splits <paramref name="cell"/> into directives and code; relative package folders resolve against <paramref name="baseDirectory"/>.</summary>
    public static CSharpSubmission Parse(string cell, string baseDirectory)
    {
        var lines = cell.Split('\n');
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        (int, string)? unknown = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (PackageReference.TryParseDirective(lines[i]) is { } package)
            {
                packages.Add(package);
                lines[i] = string.Empty;
            }
            else if (PackageSource.TryParseDirective(lines[i], baseDirectory) is { } source)
            {
                sources.Add(source);
                lines[i] = string.Empty;
            }
            else if (lines[i].StartsWith("#!", StringComparison.Ordinal))
            {
                unknown ??= (i + 1, lines[i].TrimEnd());
                lines[i] = string.Empty;
            }
        }

        return new CSharpSubmission(string.Join('\n', lines), packages, sources, unknown);
    }

    /// <summary>
    /// The trailing expression (an expression statement without its semicolon) of a script tree, or null. This is
    /// Roslyn's own rule for a script's return value, checked on the syntax instead of through internal APIs.
    /// </summary>
    public static ExpressionSyntax? TrailingExpression(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax unit
        && unit.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
        && statement.SemicolonToken.IsMissing
            ? statement.Expression
            : null;
}
