using System.Net;

namespace Research.Reporting;

/// <summary>An HTML fragment a notebook cell displays (the host shows any value with a <c>ToHtml()</c> method as HTML).</summary>
/// <param name="Content">The fragment; every value in it is already encoded.</param>
/// <param name="Text">The same content as plain text.</param>
public sealed record Html(string Content, string Text)
{
    /// <summary>The fragment.</summary>
    public string ToHtml() => Content;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary><paramref name="text"/> encoded for HTML text and attribute values.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Fragments one after the other.</summary>
    public static Html Join(IEnumerable<Html> parts)
    {
        var list = parts.ToList();
        return new Html(string.Concat(list.Select(p => p.Content)), string.Join("\n", list.Select(p => p.Text)));
    }

    /// <summary>A paragraph of plain text.</summary>
    public static Html Paragraph(string text, string? cssClass = null) =>
        new($"<p{(cssClass is null ? string.Empty : $" class=\"{Encode(cssClass)}\"")}>{Encode(text)}</p>", text);

    /// <summary>A bulleted list of plain-text items.</summary>
    public static Html List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return new Html("<ul>" + string.Concat(list.Select(i => $"<li>{Encode(i)}</li>")) + "</ul>", string.Join("\n", list.Select(i => "- " + i)));
    }
}
