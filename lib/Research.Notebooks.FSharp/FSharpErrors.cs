using FSharp.Compiler.Diagnostics;

namespace Research.Notebooks.FSharp;

/// <summary>How a failed F# interaction is reported: compiler errors with their line, or the exception the code threw.</summary>
internal static class FSharpErrors
{
    /// <summary>
    /// The error output: for compile errors each as <c>(line,column): error FSxxxx: message</c>; for an exception its
    /// traceback, with the cells' file names (<c>cell-N.fsx</c> in <paramref name="cellDirectory"/>) written without
    /// their directory, so a published notebook names no folder of the machine it ran on (as the C# kernel's do).
    /// </summary>
    public static ErrorOutput ToError(Exception exception, IReadOnlyList<FSharpDiagnostic> diagnostics, string cellDirectory)
    {
        var errors = diagnostics.Where(d => d.Severity == FSharpDiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var lines = errors.Select(d => $"({d.StartLine},{d.StartColumn + 1}): error {d.ErrorNumberText}: {d.Message}").ToList();
            return new ErrorOutput("CompilationError", string.Join("\n", lines), lines);
        }

        var thrown = exception.InnerException is { } inner && exception is System.Reflection.TargetInvocationException ? inner : exception;
        var traceback = thrown.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace(Path.TrimEndingDirectorySeparator(cellDirectory) + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
            .Split('\n');
        return new ErrorOutput(thrown.GetType().FullName ?? thrown.GetType().Name, thrown.Message, traceback);
    }

    /// <summary>The cell line of the first error, or of the innermost stack frame in the cell's file; null when unknown.</summary>
    public static int? Line(Exception exception, IReadOnlyList<FSharpDiagnostic> diagnostics, string cellFile)
    {
        if (diagnostics.FirstOrDefault(d => d.Severity == FSharpDiagnosticSeverity.Error) is { } error)
        {
            return error.StartLine;
        }

        var frames = new System.Diagnostics.StackTrace(exception, fNeedFileInfo: true).GetFrames();
        return frames.FirstOrDefault(f => string.Equals(f.GetFileName(), cellFile, StringComparison.Ordinal))?.GetFileLineNumber() is int line and > 0 ? line : null;
    }
}
