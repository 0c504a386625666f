namespace Research.Notebooks.Formatting;

/// <summary>
/// A value that formats itself into representations of its own choosing (e.g. <c>text/latex</c> for a LaTeX string);
/// the host adds <c>text/plain</c> when the bundle has none. Checked before <see cref="IHtmlFormattable"/>.
/// </summary>
public interface IMimeFormattable
{
    /// <summary>The representations of the value.</summary>
    MimeBundle ToMimeBundle(FormatContext context);
}
