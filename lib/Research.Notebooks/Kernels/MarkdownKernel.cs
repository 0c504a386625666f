using Research.Notebooks.Execution;
using Research.Notebooks.Formatting;

namespace Research.Notebooks.Kernels;

/// <summary>Renders <c>#!markdown</c> / <c>#!md</c> code cells with Markdig as a display output.</summary>
public sealed class MarkdownKernel : IKernel
{
    /// <inheritdoc />
    public string Name => KernelInfoCollection.Markdown.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = KernelInfoCollection.Markdown.Aliases;

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        context.PublishDisplay(BuiltInFormatters.MarkdownBundle(code.Trim('\n')));
        return Task.CompletedTask;
    }
}
