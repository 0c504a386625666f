using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;

namespace Research.Notebooks.Formatting;

/// <summary>
/// The HTML .NET Interactive gave values no formatter knows: an object as a tree of its public properties and fields
/// (summary: its <c>ToString()</c>), a sequence of scalars as one line <c>[ a, b ]</c>, a dictionary as a key/value table.
/// Notebooks written for .NET Interactive recorded these forms, so the host reproduces them (escaped, capped, and
/// nested at most <see cref="MaxDepth"/> deep, so object graphs with cycles end).
/// </summary>
internal static class ObjectTree
{
    /// <summary>The nesting depth from which members are shown as their plain text instead of another tree.</summary>
    public const int MaxDepth = 3;

    /// <summary>
    /// Values shown as one piece of text, never expanded into members. Tasks are among them: reading
    /// <c>Task&lt;T&gt;.Result</c> of an unfinished task would block the cell.
    /// </summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || typeof(IFormattable).IsAssignableFrom(type)
        || typeof(Type).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || type.IsPointer
        || typeof(IAsyncResult).IsAssignableFrom(type) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    /// <summary>The members a tree shows: readable non-indexed public properties, then public fields (the order reflection lists them in), each in declaration order.</summary>
    public static IReadOnlyList<MemberInfo> Members(Type type) =>
        IsScalar(type) || typeof(IEnumerable).IsAssignableFrom(type)
            ? Array.Empty<MemberInfo>()
            : type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m is FieldInfo || (m is PropertyInfo p && p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic))
                .OrderBy(m => m is FieldInfo)
                .ThenBy(m => m.MetadataToken)
                .ToList();

    /// <summary>The tree of <paramref name="value"/>: its <c>ToString()</c> as the summary and one row per member.</summary>
    public static string Html(FormatterRegistry registry, object value, IReadOnlyList<MemberInfo> members, FormatContext context)
    {
        var html = new StringBuilder("<details class=\"dni-treeview\"").Append(context.Nesting == 0 ? " open=\"open\"" : string.Empty)
            .Append("><summary><span class=\"dni-code-hint\"><code>").Append(WebUtility.HtmlEncode(value.ToString() ?? string.Empty))
            .Append("</code></span></summary><div><table><thead><tr></tr></thead><tbody>");
        foreach (var member in members)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(member.Name)).Append("</td><td>").Append(MemberHtml(registry, value, member, context)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div></details>").ToString();
    }

    /// <summary>A sequence of scalars on one line, as .NET Interactive showed it: <c>[ 1, 2, 3 ]</c>.</summary>
    public static string ScalarLine(IReadOnlyList<string> items, string? elided) =>
        "<div class=\"dni-plaintext\"><pre>[ " + WebUtility.HtmlEncode(string.Join(", ", elided is null ? items : items.Append(elided))) + " ]</pre></div>";

    private static string ScalarLine(FormatterRegistry registry, IEnumerable sequence, FormatContext context)
    {
        var items = sequence.Cast<object?>().Take(context.ListLimit + 1).Select(item => registry.PlainText(item, context)).ToList();
        return items.Count > context.ListLimit ? ScalarLine(items.Take(context.ListLimit).ToList(), "...") : ScalarLine(items, null);
    }

    /// <summary>The key and value of a dictionary entry (<see cref="DictionaryEntry"/> or <see cref="KeyValuePair{TKey,TValue}"/>), or null.</summary>
    public static (object? Key, object? Value)? Entry(object? item)
    {
        if (item is DictionaryEntry entry)
        {
            return (entry.Key, entry.Value);
        }

        var type = item?.GetType();
        return type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? (type.GetProperty("Key")!.GetValue(item), type.GetProperty("Value")!.GetValue(item))
            : null;
    }

    private static string MemberHtml(FormatterRegistry registry, object value, MemberInfo member, FormatContext context)
    {
        object? memberValue;
        try
        {
            memberValue = member is FieldInfo field ? field.GetValue(value) : ((PropertyInfo)member).GetValue(value);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            // A property that throws shows the exception where its value would be, as .NET Interactive did.
            return WebUtility.HtmlEncode(thrown.GetType().FullName + ": " + thrown.Message);
        }

        // Deeper than MaxDepth a member is its plain text, and no tree is built below it (an object graph may have cycles).
        context.Nesting++;
        try
        {
            return context.Nesting < MaxDepth ? registry.NestedHtml(memberValue, context)
                : memberValue is IEnumerable sequence and not string ? ScalarLine(registry, sequence, context)
                : WebUtility.HtmlEncode(registry.PlainText(memberValue, context));
        }
        finally
        {
            context.Nesting--;
        }
    }
}
