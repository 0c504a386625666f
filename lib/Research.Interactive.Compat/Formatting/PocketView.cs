using System.Dynamic;
using System.Net;
using System.Text;
using Research.Notebooks.Execution;
using Research.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>
/// An HTML element written as code, .NET Interactive's PocketView: <c>div[style: "color:red"]("text", b("bold"))</c>.
/// Indexing with named arguments adds attributes (<c>@class</c> for <c>class</c>, <c>_</c> in a name becomes
/// <c>-</c>); calling sets the content. Strings are HTML-encoded; a <see cref="PocketView"/>, <see cref="HtmlContent"/>
/// or <see cref="IHtmlFormattable"/> (or a sequence of them) is written as HTML; any other value as the notebook's
/// plain text of it, encoded.
/// </summary>
/// <remarks>Immutable: indexing and calling return a new element, so a tag kept in a variable can be reused.</remarks>
public sealed class PocketView : DynamicObject, IHtmlFormattable
{
    // Void elements have no content and no end tag in HTML.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private readonly IReadOnlyList<KeyValuePair<string, string?>> _attributes;
    private readonly IReadOnlyList<object?> _content;

    /// <summary>An empty element named <paramref name="tagName"/>.</summary>
    public PocketView(string tagName)
        : this(tagName, Array.Empty<KeyValuePair<string, string?>>(), Array.Empty<object?>())
    {
    }

    private PocketView(string tagName, IReadOnlyList<KeyValuePair<string, string?>> attributes, IReadOnlyList<object?> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagName);
        TagName = tagName;
        _attributes = attributes;
        _content = content;
    }

    /// <summary>The element name.</summary>
    public string TagName { get; }

    /// <summary>This element with <paramref name="content"/> as its content (replacing any earlier content).</summary>
    public PocketView With(params object?[] content) => new(TagName, _attributes, content.ToList());

    /// <summary>This element with attribute <paramref name="name"/> set to <paramref name="value"/> (null: a bare attribute).</summary>
    public PocketView WithAttribute(string name, object? value) =>
        new(TagName, _attributes.Append(new KeyValuePair<string, string?>(AttributeName(name), AttributeValue(value))).ToList(), _content);

    /// <inheritdoc />
    public override bool TryInvoke(InvokeBinder binder, object?[]? args, out object? result)
    {
        result = With(args ?? Array.Empty<object?>());
        return true;
    }

    /// <inheritdoc />
    public override bool TryGetIndex(GetIndexBinder binder, object?[] indexes, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(indexes);

        // Named arguments come last; CallInfo lists only their names.
        var names = binder.CallInfo.ArgumentNames;
        var unnamed = indexes.Length - names.Count;
        var view = this;
        for (var k = 0; k < indexes.Length; k++)
        {
            view = k >= unnamed ? view.WithAttribute(names[k - unnamed], indexes[k])
                : indexes[k] is IDictionary<string, object?> attributes ? attributes.Aggregate(view, (v, a) => v.WithAttribute(a.Key, a.Value))
                : view.WithAttribute("class", indexes[k]);
        }

        result = view;
        return true;
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        Write(html);
        return html.ToString();
    }

    /// <summary>The HTML of the element.</summary>
    public override string ToString() => ToHtml();

    private static string AttributeName(string name) => name.TrimStart('@').Replace('_', '-');

    private static string? AttributeValue(object? value) => value switch
    {
        null => null,
        bool b => b ? null : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private void Write(StringBuilder html)
    {
        html.Append('<').Append(TagName);
        foreach (var (name, value) in _attributes)
        {
            html.Append(' ').Append(WebUtility.HtmlEncode(name));
            if (value is not null)
            {
                html.Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }

        if (VoidElements.Contains(TagName) && _content.Count == 0)
        {
            html.Append(" />");
            return;
        }

        html.Append('>');
        foreach (var item in _content)
        {
            WriteContent(html, item);
        }

        html.Append("</").Append(TagName).Append('>');
    }

    private static void WriteContent(StringBuilder html, object? item)
    {
        switch (item)
        {
            case null:
                break;
            case string text:
                html.Append(WebUtility.HtmlEncode(text));
                break;
            case PocketView view:
                view.Write(html);
                break;
            case HtmlContent content:
                html.Append(content.Html);
                break;
            case IHtmlFormattable formattable:
                html.Append(formattable.ToHtml());
                break;
            case System.Collections.IEnumerable items when items.Cast<object?>().All(IsHtml):
                // Child elements built by a query, e.g. ul(names.Select(n => li(n))).
                foreach (var child in items)
                {
                    WriteContent(html, child);
                }

                break;
            default:
                html.Append(WebUtility.HtmlEncode(PlainText(item)));
                break;
        }
    }

    private static bool IsHtml(object? item) => item is PocketView or HtmlContent or IHtmlFormattable;

    private static string PlainText(object item) => CellExecutionContext.Current is { } cell
        ? cell.Formatters.PlainText(item, cell.FormatContext)
        : item.ToString() ?? string.Empty;
}
