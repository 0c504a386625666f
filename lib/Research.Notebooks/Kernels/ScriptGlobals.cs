using Research.Notebooks.Formatting;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Members C# cells can call as bare functions: <c>display(x)</c>, <c>HTML("...")</c>, <c>Markdown("...")</c>
/// and the run's <see cref="CancellationToken"/> (check it in long loops so timeouts and Ctrl-C stop them at once).
/// </summary>
#pragma warning disable CA1822 // Instance members on purpose: script globals expose only instance members to cells.
public sealed class ScriptGlobals
{
    /// <summary>Cancelled when the cell times out or the run is cancelled.</summary>
    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>Shows <paramref name="value"/> as a display output, optionally only as <paramref name="mimeTypes"/>.</summary>
#pragma warning disable IDE1006 // Lower case on purpose: the Jupyter/.NET Interactive spelling notebooks already use.
    public void display(object? value, params string[] mimeTypes) => Displays.Show(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Marks <paramref name="html"/> as HTML, so it is shown rendered.</summary>
    public HtmlContent HTML(string html) => new(html);

    /// <summary>Marks <paramref name="markdown"/> as Markdown, so it is shown rendered.</summary>
    public MarkdownContent Markdown(string markdown) => new(markdown);
}
