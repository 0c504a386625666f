namespace Research.Notebooks.Formatting;

/// <summary>A string that is HTML, displayed as <c>text/html</c>; create with <c>HTML("...")</c> in a cell.</summary>
/// <param name="Html">The HTML fragment.</param>
public sealed record HtmlContent(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}

/// <summary>A string that is Markdown, displayed as rendered HTML; create with <c>Markdown("...")</c> in a cell.</summary>
/// <param name="Markdown">The Markdown source.</param>
public sealed record MarkdownContent(string Markdown)
{
    /// <inheritdoc />
    public override string ToString() => Markdown;
}
