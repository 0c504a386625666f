using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Refuses cells that call <c>Environment.Exit</c> or <c>Environment.FailFast</c>: either would end the notebook host
/// with the notebook unsaved (and <c>Exit(0)</c> would even report success). Checked on the compiled submission's
/// semantic model, so aliases and <c>using static</c> are caught; only identifiers spelled <c>Exit</c> or
/// <c>FailFast</c> are bound, so a cell without them costs nothing. Calls reached some other way (reflection, a
/// library) are caught at run time by the session's process-exit handler instead.
/// </summary>
internal static class ProcessExitGuard
{
    /// <summary>The first reference to a process-ending method in <paramref name="tree"/>: where it starts (with its qualifier) and its name.</summary>
    public static (int Position, string Method)? Find(Compilation compilation, SyntaxTree tree)
    {
        var candidates = tree.GetRoot().DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText is nameof(Environment.Exit) or nameof(Environment.FailFast))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var model = compilation.GetSemanticModel(tree);
        foreach (var name in candidates)
        {
            var info = model.GetSymbolInfo(name);
            var symbols = info.Symbol is { } symbol ? new[] { symbol } : info.CandidateSymbols.ToArray();
            if (symbols.Any(IsEnvironmentMethod))
            {
                var start = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access.SpanStart : name.SpanStart;
                return (start, "Environment." + name.Identifier.ValueText);
            }
        }

        return null;
    }

    private static bool IsEnvironmentMethod(ISymbol symbol) =>
        symbol is IMethodSymbol { ContainingType: { Name: nameof(Environment), ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
