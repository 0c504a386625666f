using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Research.Notebooks.Editing;

namespace Research.Notebooks.Kernels;

/// <summary>The syntax and symbol rules behind C# editing help: host lines, open blocks, completion kinds, symbol help.</summary>
internal static partial class CSharpEditing
{
    private static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeContainingType,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut
            | SymbolDisplayParameterOptions.IncludeExtensionThis,
        localOptions: SymbolDisplayLocalOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // Variables and functions a cell declares are members of a submission class, which a reader never sees.
    private static readonly SymbolDisplayFormat ScriptMember = Signature.RemoveMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>
    /// <paramref name="code"/> with the lines the host handles (<c>#!</c> magics, <c>#r "nuget:"</c>, <c>#i</c>) turned
    /// into spaces of the same length, so positions still match the text the front end holds.
    /// </summary>
    public static string BlankHostLines(string code)
    {
        var builder = new StringBuilder(code);
        var start = 0;
        while (start <= code.Length)
        {
            var end = code.IndexOf('\n', start);
            end = end < 0 ? code.Length : end;
            var line = code.AsSpan(start, end - start).TrimStart();
            if (line.StartsWith("#!", StringComparison.Ordinal) || line.StartsWith("#i ", StringComparison.Ordinal)
                || NuGetDirective().IsMatch(line))
            {
                for (var i = start; i < end; i++)
                {
                    builder[i] = code[i] == '\r' ? '\r' : ' ';
                }
            }

            start = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>How many braces, parentheses and brackets are open at the end of <paramref name="tree"/>.</summary>
    public static int OpenDepth(SyntaxTree tree)
    {
        var depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens().Where(t => !t.IsMissing))
        {
            depth += token.Kind() switch
            {
                SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken => 1,
                SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken => -1,
                _ => 0,
            };
        }

        return Math.Max(depth, 0);
    }

    /// <summary>The Jupyter type name of a completion, from Roslyn's tags (JupyterLab shows it beside the item).</summary>
    public static string Kind(ImmutableArray<string> tags)
    {
        foreach (var tag in tags)
        {
            var kind = tag switch
            {
                "Method" or "ExtensionMethod" => "method",
                "Property" => "property",
                "Field" => "field",
                "Local" or "Parameter" or "RangeVariable" => "variable",
                "Class" or "Record" => "class",
                "Structure" or "RecordStruct" => "struct",
                "Interface" => "interface",
                "Enum" => "enum",
                "EnumMember" => "enum member",
                "Delegate" => "delegate",
                "Event" => "event",
                "Constant" => "constant",
                "Namespace" => "namespace",
                "Keyword" => "keyword",
                "TypeParameter" => "type parameter",
                "Snippet" => "snippet",
                _ => null,
            };
            if (kind is not null)
            {
                return kind;
            }
        }

        return "text";
    }

    /// <summary>The symbol the cursor is on, or the one whose name ends just before it, or the method whose argument list it is in.</summary>
    public static ISymbol? SymbolNear(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var at in new[] { position, position - 1 })
        {
            if (at < 0 || at >= root.FullSpan.End)
            {
                continue;
            }

            var token = root.FindToken(at);
            if (token.IsKind(SyntaxKind.IdentifierToken) || token.IsKeyword())
            {
                if (SymbolOf(model, token.Parent, cancellationToken) is { } symbol)
                {
                    return symbol;
                }
            }
        }

        // Inside "Name(" or "Name(args": the method being called.
        var node = root.FindToken(Math.Max(position - 1, 0)).Parent;
        var call = node?.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>().FirstOrDefault();
        return call is null ? null : SymbolOf(model, call.Expression, cancellationToken);
    }

    /// <summary>The signature and documentation summary of <paramref name="symbol"/>.</summary>
    public static SymbolHelp Help(ISymbol symbol)
    {
        var format = symbol.ContainingType is { IsScriptClass: true } ? ScriptMember : Signature;
        var signature = symbol switch
        {
            ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => symbol.ToDisplayString(format),
            IFieldSymbol field when field.ContainingType is { IsScriptClass: true } => $"{field.Type.ToDisplayString(Signature)} {field.Name}",
            _ => symbol.ToDisplayString(format),
        };
        var overloads = symbol is IMethodSymbol { MethodKind: not MethodKind.LocalFunction } method && method.ContainingType is { } type
            ? type.GetMembers(method.Name).OfType<IMethodSymbol>().Count() - 1
            : 0;
        return new SymbolHelp(signature, Summary(symbol.OriginalDefinition), Math.Max(overloads, 0));
    }

    private static ISymbol? SymbolOf(SemanticModel model, SyntaxNode? node, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return null;
        }

        var info = model.GetSymbolInfo(node, cancellationToken);
        return info.Symbol
            ?? info.CandidateSymbols.FirstOrDefault()
            ?? model.GetDeclaredSymbol(node, cancellationToken)
            ?? model.GetTypeInfo(node, cancellationToken).Type as ISymbol;
    }

    // The <summary> of the symbol's XML documentation as plain text: references by their short name, paragraphs kept.
    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture, expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var summary = XElement.Parse(xml).DescendantsAndSelf("summary").FirstOrDefault();
            if (summary is null)
            {
                return null;
            }

            var text = new StringBuilder();
            Render(summary, text);
            var paragraphs = text.ToString().Split('\n').Select(p => Whitespace().Replace(p, " ").Trim()).Where(p => p.Length > 0);
            var result = string.Join("\n\n", paragraphs);
            return result.Length == 0 ? null : result;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void Render(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value.Replace('\n', ' '));
                    break;
                case XElement { Name.LocalName: "para" or "br" } e:
                    text.Append('\n');
                    Render(e, text);
                    text.Append('\n');
                    break;
                case XElement e when e.Attribute("cref") is { } cref:
                    text.Append(ShortName(cref.Value));
                    break;
                case XElement e when (e.Attribute("langword") ?? e.Attribute("name")) is { } word && !e.Nodes().Any():
                    text.Append(word.Value);
                    break;
                case XElement e:
                    Render(e, text);
                    break;
            }
        }
    }

    // "M:System.Console.WriteLine(System.String)" -> "Console.WriteLine"; "T:System.Collections.Generic.List`1" -> "List".
    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren >= 0 ? name[..paren] : name;
        var parts = name.Split('.');
        var shown = parts.Length > 1 && cref.StartsWith("T:", StringComparison.Ordinal) ? parts[^1] : string.Join('.', parts.TakeLast(2));
        var tick = shown.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? shown[..tick] : shown;
    }

    [GeneratedRegex(@"^#r\s+""nuget:", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetDirective();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
