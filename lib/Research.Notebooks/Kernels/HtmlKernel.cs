using Research.Notebooks.Execution;

namespace Research.Notebooks.Kernels;

/// <summary>Shows <c>#!html</c> cells as HTML display output.</summary>
public sealed class HtmlKernel : IKernel
{
    /// <inheritdoc />
    public string Name => "html";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = Array.Empty<string>();

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var html = code.Trim('\n');
        context.PublishDisplay(new MimeBundle().Set(MimeBundle.Html, html).Set(MimeBundle.PlainText, html));
        return Task.CompletedTask;
    }
}
