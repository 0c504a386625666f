using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;

namespace Research.Notebooks.Kernels;

/// <summary>Compiles a <see cref="Submission"/> to a <see cref="CompiledSubmission"/>, or to the errors that stop it, as Roslyn's script runner does.</summary>
internal static class SubmissionCompiler
{
    // Portable PDBs on every platform: the cell line numbers in stack traces.
    private static readonly EmitOptions WithSymbols = new(debugInformationFormat: DebugInformationFormat.PortablePdb);

    /// <summary>The compiled submission, or null with its errors (the syntax errors when there are any, else the compiler's).</summary>
    public static CompiledSubmission? Compile(Submission submission, out IReadOnlyList<Diagnostic> errors, CancellationToken cancellationToken)
    {
        var compilation = submission.Compilation;
        errors = compilation.GetParseDiagnostics(cancellationToken).Where(IsError).ToList();
        if (errors.Count > 0)
        {
            return null;
        }

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(image, symbols, options: WithSymbols, cancellationToken: cancellationToken);
        errors = result.Diagnostics.Where(IsError).ToList();
        if (!result.Success)
        {
            // Without errors, the submission had nothing to emit (no statements or declarations, only usings): it
            // has no assembly and nothing to run, and the later ones inherit its imports through the compilation.
            return errors.Count > 0 ? null : new CompiledSubmission(submission.Code, null, null, false, [], []);
        }

        var entry = compilation.GetEntryPoint(cancellationToken);
        return new CompiledSubmission(
            submission.Code,
            entry?.ContainingType.MetadataName,
            entry?.MetadataName,
            ShowsValue(compilation),
            image.ToArray(),
            symbols.ToArray());
    }

    /// <summary>Whether the submission references files or code of its own choosing (<c>#r</c>, <c>#load</c>), which a cached result would not follow.</summary>
    public static bool HasFileDirectives(Submission submission) =>
        submission.Compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax unit && (unit.GetReferenceDirectives().Count > 0 || unit.GetLoadDirectives().Count > 0));

    // A trailing expression of type void (Console.WriteLine("x") without semicolon) has no value to show.
    private static bool ShowsValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree is null || CSharpSubmission.TrailingExpression(tree) is not { } expression)
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;
}
