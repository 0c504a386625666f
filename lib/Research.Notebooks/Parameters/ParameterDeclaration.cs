using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Research.Notebooks.Parameters;

/// <summary>A variable declared in the <c>parameters</c> cell: its name and the type of its default.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The type, from the declared type or, for <c>var</c>, from the initializer.</param>
/// <param name="TypeText">The type as written (for messages).</param>
public sealed record ParameterDeclaration(string Name, ParameterType Type, string TypeText)
{
    /// <summary>The top-level variable declarations of a C# parameters cell, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Read(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var unit = (CompilationUnitSyntax)tree.GetRoot();
        var declarations = unit.Members.Select(m => m switch
        {
            FieldDeclarationSyntax field => field.Declaration,
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
            _ => null,
        }).OfType<VariableDeclarationSyntax>();
        return declarations
            .SelectMany(d => d.Variables.Select(v => Declare(d.Type, v)))
            .ToList();
    }

    private static ParameterDeclaration Declare(TypeSyntax type, VariableDeclaratorSyntax variable)
    {
        var name = variable.Identifier.ValueText;
        if (!type.IsVar)
        {
            return new ParameterDeclaration(name, FromTypeName(type.ToString()), type.ToString());
        }

        var inferred = variable.Initializer?.Value is { } value ? FromInitializer(value) : ParameterType.Unsupported;
        return new ParameterDeclaration(name, inferred, "var");
    }

    private static ParameterType FromTypeName(string type) => type.Replace(" ", string.Empty, StringComparison.Ordinal) switch
    {
        "int" or "Int32" or "System.Int32" => ParameterType.Int32,
        "long" or "Int64" or "System.Int64" => ParameterType.Int64,
        "double" or "Double" or "System.Double" => ParameterType.Double,
        "bool" or "Boolean" or "System.Boolean" => ParameterType.Boolean,
        "string" or "String" or "System.String" => ParameterType.String,
        "DateOnly" or "System.DateOnly" => ParameterType.Date,
        "string[]" or "String[]" or "System.String[]" => ParameterType.StringArray,
        _ => ParameterType.Unsupported,
    };

    private static ParameterType FromInitializer(ExpressionSyntax value) => value switch
    {
        PrefixUnaryExpressionSyntax { Operand: var operand } => FromInitializer(operand),
        LiteralExpressionSyntax literal => literal.Token.Value switch
        {
            int => ParameterType.Int32,
            long => ParameterType.Int64,
            double => ParameterType.Double,
            bool => ParameterType.Boolean,
            string => ParameterType.String,
            _ => ParameterType.Unsupported,
        },
        InterpolatedStringExpressionSyntax => ParameterType.String,
        ObjectCreationExpressionSyntax creation => FromTypeName(creation.Type.ToString()),
        ArrayCreationExpressionSyntax array => FromTypeName(array.Type.ToString()),
        ImplicitArrayCreationExpressionSyntax implicitArray
            when implicitArray.Initializer.Expressions.All(e => e is LiteralExpressionSyntax l && l.Token.Value is string)
            => ParameterType.StringArray,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var target } }
            when FromTypeName(target.ToString()) == ParameterType.Date => ParameterType.Date,
        _ => ParameterType.Unsupported,
    };
}
