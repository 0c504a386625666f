using Research.Notebooks.Formatting;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Members C# cells can call as bare functions: <c>display(x)</c>, <c>HTML("...")</c>, <c>Markdown("...")</c>,
/// <c>ClearOutput()</c>, <c>GetInputAsync(...)</c> and the cell's <see cref="CancellationToken"/> (cancelled when the
/// cell is interrupted or times out; pass it to awaited work so that stops at once too).
/// </summary>
#pragma warning disable CA1822 // Instance members on purpose: script globals expose only instance members to cells.
public sealed class ScriptGlobals
{
    /// <summary>Cancelled when the cell is interrupted, times out or the run is cancelled.</summary>
    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>
    /// Shows <paramref name="value"/> as a display output, optionally only as <paramref name="mimeTypes"/>; the
    /// handle's <see cref="DisplayHandle.Update"/> replaces it in place.
    /// </summary>
#pragma warning disable IDE1006 // Lower case on purpose: the Jupyter/.NET Interactive spelling notebooks already use.
    public DisplayHandle display(object? value, params string[] mimeTypes) => Displays.Show(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Marks <paramref name="html"/> as HTML, so it is shown rendered.</summary>
    public HtmlContent HTML(string html) => new(html);

    /// <summary>
    /// JavaScript for the front end, shown as a script element (what .NET Interactive's <c>Javascript(…)</c> did); a
    /// headless run records it, and the HTML report runs it.
    /// </summary>
    public MimeBundle Javascript(string code) => JavaScriptKernel.Bundle(code);

    /// <summary>Marks <paramref name="markdown"/> as Markdown, so it is shown rendered.</summary>
    public MarkdownContent Markdown(string markdown) => new(markdown);

    /// <summary>Clears this cell's outputs now, or with <paramref name="wait"/> when the next output arrives (for animations).</summary>
    public void ClearOutput(bool wait = false) => Displays.Running().ClearOutput(wait);

    /// <summary>
    /// Asks the host for a line of input: the front end's input box in a Jupyter kernel; in a headless run the cell
    /// fails with a message naming <paramref name="prompt"/> (pass the value as a parameter instead).
    /// </summary>
    public Task<string> GetInputAsync(string prompt = "", bool isPassword = false) =>
        Displays.Running().GetInputAsync(prompt, isPassword, CancellationToken);
}
