using System.Text;
using Research.Notebooks.Packages;

namespace Research.Notebooks.FSharp;

/// <summary>
/// An F# cell split into what the host handles (<c>#r "nuget: …"</c> packages and <c>#i</c> sources, restored like C#
/// ones) and the code given to the F# session, with those lines blanked so error lines still match the cell.
/// </summary>
internal sealed record FSharpSubmission(string Code, IReadOnlyList<PackageReference> Packages, IReadOnlyList<string> Sources)
{
    /// <summary>The names the prelude binds; not notebook variables.</summary>
    public static readonly IReadOnlySet<string> PreludeNames = new HashSet<string>(StringComparer.Ordinal) { "display", "HTML", "Javascript", "Markdown", "CSS", "Html" };

    public static FSharpSubmission Parse(string code, string directory)
    {
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var kept = new StringBuilder();
        foreach (var line in code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (PackageReference.TryParseDirective(line) is { } package)
            {
                packages.Add(package);
                kept.Append('\n');
            }
            else if (PackageSource.TryParseDirective(line, directory) is { } source)
            {
                sources.Add(source);
                kept.Append('\n');
            }
            else
            {
                kept.Append(line).Append('\n');
            }
        }

        return new FSharpSubmission(kept.ToString().TrimEnd('\n'), packages, sources);
    }

    /// <summary>Whether <paramref name="name"/> can be bound as is (no backticks): a letter or underscore, then word characters.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '\'')
        && !Keywords.Contains(name);

    /// <summary>The F# spelling of <paramref name="type"/> (its full name, generic arguments in angle brackets).</summary>
    public static string TypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        var name = (type.FullName ?? type.Name).Replace('+', '.');
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return name[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "and", "as", "assert", "base", "begin", "class", "default", "delegate", "do", "done", "downcast",
        "downto", "elif", "else", "end", "exception", "extern", "false", "finally", "fixed", "for", "fun", "function",
        "global", "if", "in", "inherit", "inline", "interface", "internal", "lazy", "let", "match", "member", "module",
        "mutable", "namespace", "new", "not", "null", "of", "open", "or", "override", "private", "public", "rec",
        "return", "select", "sig", "static", "struct", "then", "to", "true", "try", "type", "upcast", "use", "val",
        "void", "when", "while", "with", "yield",
    };
}
