namespace Research.Notebooks.Formatting;

/// <summary>
/// A value that renders itself as HTML in notebook outputs. Libraries that do not reference Research.Notebooks
/// (Statistics, Scales) get the same treatment by convention: any type with a public instance method
/// <c>string ToHtml()</c> taking no arguments is shown with that HTML next to its <c>ToString()</c> text.
/// </summary>
public interface IHtmlFormattable
{
    /// <summary>An HTML fragment (no <c>&lt;html&gt;</c>/<c>&lt;body&gt;</c>) showing the value.</summary>
    string ToHtml();
}
