using Research.Notebooks.Execution;

namespace Research.Notebooks.Kernels;

/// <summary>
/// <c>#!javascript</c> (<c>#!js</c>) cells: the host does not run JavaScript; it hands the code to the front end as
/// .NET Interactive did, a <c>text/html</c> display holding <c>&lt;script type="text/javascript"&gt;</c>, which a
/// Jupyter front end (and the HTML report) runs. The plain-text form is the code.
/// </summary>
public sealed class JavaScriptKernel : IKernel
{
    /// <inheritdoc />
    public string Name => "javascript";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = new[] { "js" };

    /// <summary>The display of <paramref name="code"/> for the front end.</summary>
    public static MimeBundle Bundle(string code) => new MimeBundle()
        .Set(MimeBundle.Html, "<script type=\"text/javascript\">" + code + "</script>")
        .Set(MimeBundle.PlainText, code);

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        context.PublishDisplay(Bundle(code.Trim('\n')));
        return Task.CompletedTask;
    }
}
