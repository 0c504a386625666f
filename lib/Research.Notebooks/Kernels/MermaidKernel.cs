using Research.Notebooks.Execution;

namespace Research.Notebooks.Kernels;

/// <summary>
/// <c>#!mermaid</c> cells: the diagram source as a <c>text/vnd.mermaid</c> display (what JupyterLab renders natively),
/// with the source as plain text. The HTML report shows the source as preformatted text: drawing it there would need
/// mermaid.js inside the page (the report fetches nothing), and no package on the feed carries it.
/// </summary>
public sealed class MermaidKernel : IKernel
{
    /// <summary>The MIME type of Mermaid diagram source.</summary>
    public const string MimeType = "text/vnd.mermaid";

    /// <inheritdoc />
    public string Name => "mermaid";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = Array.Empty<string>();

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var diagram = code.Trim('\n');
        context.PublishDisplay(new MimeBundle().Set(MimeType, diagram).Set(MimeBundle.PlainText, diagram));
        return Task.CompletedTask;
    }
}
