using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;
using Research.Notebooks.Editing;

namespace Research.Jupyter.Server;

/// <summary>
/// <c>is_complete</c>, <c>complete</c> and <c>inspect</c>: answered by the language services of the kernel the code
/// would run in (a leading <c>#!fsharp</c> line picks it as for execution, otherwise the session's default kernel).
/// Converts the front end's code-point cursor positions to UTF-16 and back.
/// </summary>
internal sealed class EditingHandler
{
    private readonly SessionHost _host;

    public EditingHandler(SessionHost host) => _host = host;

    public JsonObject IsComplete(JsonObject request)
    {
        var (services, code) = ServicesFor(JupyterMessage.Text(request, "code") ?? string.Empty);
        if (services is null)
        {
            return new JsonObject { ["status"] = "unknown" };
        }

        var answer = services.IsComplete(code);
        var reply = new JsonObject { ["status"] = answer.Status.ToString().ToLowerInvariant() };
        if (answer.Status == CompletenessStatus.Incomplete)
        {
            reply["indent"] = answer.Indent;
        }

        return reply;
    }

    public async Task<JsonObject> CompleteAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var given = JupyterMessage.Text(request, "code") ?? string.Empty;
        var cursor = JupyterMessage.Number(request, "cursor_pos", CodePoints.FromUtf16(given, given.Length));
        var (services, code) = ServicesFor(given);
        var completions = services is null
            ? CodeCompletions.None(CodePoints.ToUtf16(given, cursor))
            : await services.CompleteAsync(code, CodePoints.ToUtf16(given, cursor), cancellationToken).ConfigureAwait(false);
        var start = CodePoints.FromUtf16(given, completions.Start);
        var end = CodePoints.FromUtf16(given, completions.End);
        var types = new JsonArray();
        foreach (var item in completions.Items)
        {
            types.Add(new JsonObject { ["start"] = start, ["end"] = end, ["text"] = item.Text, ["type"] = item.Kind });
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(completions.Items.Select(i => (JsonNode?)JsonValue.Create(i.Text)).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject { ["_jupyter_types_experimental"] = types },
        };
    }

    public async Task<JsonObject> InspectAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var given = JupyterMessage.Text(request, "code") ?? string.Empty;
        var cursor = JupyterMessage.Number(request, "cursor_pos", CodePoints.FromUtf16(given, given.Length));
        var (services, code) = ServicesFor(given);
        var help = services is null ? null : await services.InspectAsync(code, CodePoints.ToUtf16(given, cursor), cancellationToken).ConfigureAwait(false);
        var reply = new JsonObject { ["status"] = "ok", ["found"] = help is not null, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
        if (help is not null)
        {
            reply["data"] = new JsonObject { ["text/plain"] = PlainText(help), ["text/markdown"] = Markdown(help) };
        }

        return reply;
    }

    private static string PlainText(SymbolHelp help) =>
        Overloads(help) + (help.Summary is null ? string.Empty : "\n\n" + help.Summary);

    private static string Markdown(SymbolHelp help)
    {
        // A fence longer than any run of backticks in the signature, so nothing in it can close the block.
        var longest = 0;
        for (int i = 0, run = 0; i < help.Signature.Length; i++)
        {
            run = help.Signature[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        var text = new StringBuilder().Append(fence).Append("csharp\n").Append(help.Signature).Append('\n').Append(fence);
        if (help.Overloads > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n(+{help.Overloads} overload{(help.Overloads == 1 ? string.Empty : "s")})");
        }

        if (help.Summary is not null)
        {
            text.Append("\n\n").Append(EscapeMarkdown(help.Summary));
        }

        return text.ToString();
    }

    private static string Overloads(SymbolHelp help) => help.Overloads > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{help.Signature} (+{help.Overloads} overload{(help.Overloads == 1 ? string.Empty : "s")})")
        : help.Signature;

    // Documentation text is data: HTML characters as entities, Markdown punctuation escaped.
    private static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '!' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    // The language services of the kernel the code would run in, and the code with its selector line blanked.
    private (ILanguageServices? Services, string Code) ServicesFor(string code)
    {
        var session = _host.Session;
        var name = session.DefaultKernelName;
        var start = 0;
        while (start < code.Length && char.IsWhiteSpace(code[start]))
        {
            start++;
        }

        if (code.AsSpan(start).StartsWith("#!", StringComparison.Ordinal))
        {
            var end = code.IndexOf('\n', start);
            end = end < 0 ? code.Length : end;
            if (session.Selectors.TryResolve(code[(start + 2)..end].TrimEnd('\r'), out var selected))
            {
                name = selected;
                code = string.Concat(code.AsSpan(0, start), new string(' ', end - start), code.AsSpan(end));
            }
        }

        return (session.Kernels.Find(name) as ILanguageServices, code);
    }
}
