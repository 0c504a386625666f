using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Research.Notebooks.Execution;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Makes a C# cell interruptible: a call to <see cref="CellInterrupt.Check"/> goes at the start of every loop body,
/// before every <c>goto</c>, and at the entry of every method, local function, constructor, accessor, operator and
/// block lambda the cell declares (recursion without loops). Expression-bodied members become block bodies;
/// expression-bodied lambdas are left alone (whether they return a value is not known from syntax), but loops
/// calling them are checked.
/// </summary>
/// <remarks>
/// The code is edited as text and only ever on the line where the construct is, so line numbers in tracebacks stay
/// the cell's own. Compile errors are never reported against the edited text: when it does not compile, the kernel
/// compiles the original and reports that. <see cref="ToOriginal"/> maps a position back for other diagnostics.
/// </remarks>
internal sealed class InterruptChecks
{
    private const string Call = "global::Research.Notebooks.Execution.CellInterrupt.Check();";
    private readonly List<TextChange> _changes;

    private InterruptChecks(string code, List<TextChange> changes)
    {
        _changes = changes;
        Code = changes.Count == 0 ? code : SourceText.From(code).WithChanges(changes).ToString();
    }

    /// <summary>The instrumented code (the original when there was nothing to instrument or it does not parse).</summary>
    public string Code { get; }

    /// <summary>The code left as it is.</summary>
    public static InterruptChecks None(string code) => new(code, new List<TextChange>());

    /// <summary>Instruments <paramref name="code"/>, parsed as a script with <paramref name="options"/>.</summary>
    public static InterruptChecks Insert(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // Let the compiler report the user's own text.
            return None(code);
        }

        var collector = new Collector();
        collector.Visit(tree.GetRoot());
        var changes = collector.Changes
            .Select((change, order) => (change, order))
            .OrderBy(p => p.change.Span.Start)
            .ThenBy(p => p.order)
            .Select(p => p.change)
            .ToList();
        return new InterruptChecks(code, changes);
    }

    /// <summary>The position in the original code of <paramref name="position"/> in <see cref="Code"/>.</summary>
    public int ToOriginal(int position)
    {
        var shift = 0;
        foreach (var change in _changes)
        {
            var start = change.Span.Start + shift;
            if (position < start)
            {
                break;
            }

            var end = start + change.NewText!.Length;
            if (position < end)
            {
                return change.Span.Start;
            }

            shift += change.NewText.Length - change.Span.Length;
        }

        return position - shift;
    }

    private sealed class Collector : CSharpSyntaxWalker
    {
        public List<TextChange> Changes { get; } = new();

        public override void Visit(SyntaxNode? node)
        {
            switch (node)
            {
                case WhileStatementSyntax loop:
                    LoopBody(loop.Statement);
                    break;
                case DoStatementSyntax loop:
                    LoopBody(loop.Statement);
                    break;
                case ForStatementSyntax loop:
                    LoopBody(loop.Statement);
                    break;
                case CommonForEachStatementSyntax loop:
                    LoopBody(loop.Statement);
                    break;
                case GotoStatementSyntax jump:
                    Wrap(jump);
                    break;
                case MethodDeclarationSyntax method:
                    Body(method.Body, method.ExpressionBody, method.SemicolonToken, Returns(method.ReturnType, method.Modifiers));
                    break;
                case LocalFunctionStatementSyntax function:
                    Body(function.Body, function.ExpressionBody, function.SemicolonToken, Returns(function.ReturnType, function.Modifiers));
                    break;
                case BaseMethodDeclarationSyntax member:
                    // Constructors and destructors return nothing; operators and conversions return their value.
                    Body(member.Body, member.ExpressionBody, member.SemicolonToken, returns: member is OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax);
                    break;
                case AccessorDeclarationSyntax accessor:
                    Body(accessor.Body, accessor.ExpressionBody, accessor.SemicolonToken, returns: accessor.IsKind(SyntaxKind.GetAccessorDeclaration));
                    break;
                case PropertyDeclarationSyntax property:
                    Getter(property.ExpressionBody, property.SemicolonToken);
                    break;
                case IndexerDeclarationSyntax indexer:
                    Getter(indexer.ExpressionBody, indexer.SemicolonToken);
                    break;
                case AnonymousFunctionExpressionSyntax function:
                    Body(function.Block, null, default, returns: false);
                    break;
            }

            base.Visit(node);
        }

        // Whether an expression body is a value to return: not for void, nor for an async method returning Task/ValueTask.
        private static bool Returns(TypeSyntax returnType, SyntaxTokenList modifiers)
        {
            if (returnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword))
            {
                return false;
            }

            var name = returnType switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                QualifiedNameSyntax { Right: IdentifierNameSyntax right } => right.Identifier.ValueText,
                AliasQualifiedNameSyntax { Name: IdentifierNameSyntax aliased } => aliased.Identifier.ValueText,
                _ => null,
            };
            return !(modifiers.Any(SyntaxKind.AsyncKeyword) && name is "Task" or "ValueTask");
        }

        private void LoopBody(StatementSyntax body)
        {
            if (body is BlockSyntax block)
            {
                Insert(block.OpenBraceToken.Span.End, Call);
            }
            else
            {
                Wrap(body);
            }
        }

        private void Wrap(StatementSyntax statement)
        {
            Insert(statement.SpanStart, "{" + Call);
            Insert(statement.Span.End, "}");
        }

        private void Body(BlockSyntax? block, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, bool returns)
        {
            if (block is not null)
            {
                Insert(block.OpenBraceToken.Span.End, Call);
            }
            else if (arrow is not null)
            {
                // "=> e;" becomes "{ Check(); return e; }" by editing only the arrow and the semicolon, so edits
                // inside e (a lambda's own checks) do not overlap.
                var value = returns && arrow.Expression is not ThrowExpressionSyntax;
                Changes.Add(new TextChange(arrow.ArrowToken.Span, "{" + Call + (value ? " return " : " ")));
                Changes.Add(new TextChange(semicolon.Span, ";}"));
            }
        }

        private void Getter(ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon)
        {
            if (arrow is null)
            {
                return;
            }

            var value = arrow.Expression is not ThrowExpressionSyntax;
            Changes.Add(new TextChange(arrow.ArrowToken.Span, "{get{" + Call + (value ? " return " : " ")));
            Changes.Add(new TextChange(semicolon.Span, ";}}"));
        }

        private void Insert(int position, string text) => Changes.Add(new TextChange(new TextSpan(position, 0), text));
    }
}
