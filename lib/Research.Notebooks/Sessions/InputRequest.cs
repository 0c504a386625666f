namespace Research.Notebooks.Sessions;

/// <summary>What a cell asks its host for (Jupyter <c>input_request</c>).</summary>
/// <param name="Prompt">The prompt to show; empty for <c>Console.ReadLine()</c>, whose prompt is whatever the cell wrote before.</param>
/// <param name="IsPassword">Whether the answer is secret and must not be echoed.</param>
public sealed record InputRequest(string Prompt, bool IsPassword)
{
    /// <summary>
    /// The name of the value asked for, when the notebook gives one: the <c>--name</c> of a <c>#!set</c> or
    /// <c>#!value</c> magic, the name of an <c>@input:name</c> token, or <c>valueName</c> of <c>GetInputAsync</c>. A
    /// headless run answers it from the parameter of that name (else from the one named like the prompt).
    /// </summary>
    public string? Name { get; init; }

    /// <summary>How the request reads in a message: the quoted prompt, or <c>Console.ReadLine()</c> for an empty one.</summary>
    public string Description => Prompt.Length == 0 ? "a line of input (Console.ReadLine)" : $"input \"{Prompt}\"";

    /// <summary>The parameter name a headless run answers the request from, or null for <c>Console.ReadLine()</c>.</summary>
    public string? ParameterName => Name ?? (Prompt.Length == 0 ? null : Prompt);
}
