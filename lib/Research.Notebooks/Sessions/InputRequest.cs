namespace Research.Notebooks.Sessions;

/// <summary>What a cell asks its host for (Jupyter <c>input_request</c>).</summary>
/// <param name="Prompt">The prompt to show; empty for <c>Console.ReadLine()</c>, whose prompt is whatever the cell wrote before.</param>
/// <param name="IsPassword">Whether the answer is secret and must not be echoed.</param>
public sealed record InputRequest(string Prompt, bool IsPassword)
{
    /// <summary>How the request reads in a message: the quoted prompt, or <c>Console.ReadLine()</c> for an empty one.</summary>
    public string Description => Prompt.Length == 0 ? "a line of input (Console.ReadLine)" : $"input \"{Prompt}\"";
}
