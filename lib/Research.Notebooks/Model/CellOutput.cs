using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>One output of a code cell, mirroring the four nbformat output types.</summary>
public abstract record CellOutput;

/// <summary>Text written to <c>stdout</c> or <c>stderr</c> (nbformat <c>stream</c>).</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <summary>The standard output stream name.</summary>
    public const string Stdout = "stdout";

    /// <summary>The standard error stream name.</summary>
    public const string Stderr = "stderr";
}

/// <summary>A value shown with <c>display(...)</c> (nbformat <c>display_data</c>).</summary>
/// <param name="Data">The representations.</param>
public sealed record DisplayDataOutput(MimeBundle Data) : CellOutput
{
    /// <summary>The output metadata object.</summary>
    public JsonObject Metadata { get; init; } = new();
}

/// <summary>The value of a cell's trailing expression (nbformat <c>execute_result</c>).</summary>
/// <param name="Data">The representations.</param>
/// <param name="ExecutionCount">The execution count of the cell that produced it.</param>
public sealed record ExecuteResultOutput(MimeBundle Data, int? ExecutionCount) : CellOutput
{
    /// <summary>The output metadata object.</summary>
    public JsonObject Metadata { get; init; } = new();
}

/// <summary>A failure (nbformat <c>error</c>).</summary>
/// <param name="Name">The error name, e.g. the exception type.</param>
/// <param name="Value">The error message.</param>
/// <param name="Traceback">Traceback lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>An output whose type this model does not know, kept verbatim so a rewrite loses nothing.</summary>
/// <param name="Json">The output object as read.</param>
public sealed record UnknownOutput(JsonObject Json) : CellOutput;
