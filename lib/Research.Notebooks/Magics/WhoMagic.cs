using Research.Notebooks.Formatting;

namespace Research.Notebooks.Magics;

/// <summary><c>#!who</c> lists the names of the cell kernel's variables; <c>#!whos</c> shows them as a table with type and value.</summary>
internal static class WhoMagic
{
    public static void Run(MagicLine line, MagicContext context, bool detailed)
    {
        var variables = context.Target(line).Variables;
        if (!detailed)
        {
            var names = string.Join("\t", variables.Select(v => v.Name));
            context.Cell.PublishDisplay(new MimeBundle().Set(MimeBundle.PlainText, names.Length == 0 ? "(no variables)" : names));
            return;
        }

        var formatters = context.Session.Formatters;
        var rows = variables
            .Select(v => (IReadOnlyList<string>)new[] { v.Name, TypeNames.Of(v.Type), FirstLine(formatters.PlainText(v.Value, context.Session.FormatContext)) })
            .ToList();
        var header = new[] { "Variable", "Type", "Value" };
        context.Cell.PublishDisplay(new MimeBundle()
            .Set(MimeBundle.Html, HtmlTable.Html(header, rows, null))
            .Set(MimeBundle.PlainText, HtmlTable.Text(header, rows, null)));
    }

    // A value shown in one table cell: its first line, at most 100 characters.
    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end].TrimEnd('\r') + " …";
        return first.Length <= 100 ? first : first[..100] + "…";
    }
}
