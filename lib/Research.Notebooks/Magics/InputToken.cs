using System.Text.Json;

namespace Research.Notebooks.Magics;

/// <summary>
/// An input token in a magic command: <c>@input:name</c>, <c>@input:"A prompt"</c>, <c>@password:…</c> or the
/// options form <c>@input:{"prompt":"…","saveAs":"name"}</c>. The value is asked for when the magic runs: from the
/// front end in a Jupyter kernel, from the parameters in a headless run.
/// </summary>
/// <param name="Prompt">The prompt (for <c>@input:name</c>, the name).</param>
/// <param name="IsPassword">Whether it is a <c>@password</c> token.</param>
/// <param name="SaveAs">The options form's <c>saveAs</c> name, or null.</param>
public sealed record InputToken(string Prompt, bool IsPassword, string? SaveAs)
{
    private const string Input = "@input:";
    private const string Password = "@password:";

    /// <summary>
    /// The name a headless run answers the token from: <paramref name="magicName"/> (the <c>--name</c> of
    /// <c>#!set</c>/<c>#!value</c>) when given, else <c>saveAs</c>, else the prompt when it has no spaces.
    /// </summary>
    public string? FieldName(string? magicName) =>
        magicName ?? SaveAs ?? (Prompt.Any(char.IsWhiteSpace) ? null : Prompt);

    /// <summary>The token in <paramref name="text"/>, or null when it is not an input token.</summary>
    /// <exception cref="MagicCommandException">The options form is not valid JSON.</exception>
    public static InputToken? TryParse(string text, int line)
    {
        var password = text.StartsWith(Password, StringComparison.Ordinal);
        if (!password && !text.StartsWith(Input, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[(password ? Password : Input).Length..];
        if (!rest.StartsWith('{'))
        {
            return new InputToken(MagicLine.Unquote(rest), password, null);
        }

        try
        {
            using var options = JsonDocument.Parse(rest);
            var root = options.RootElement;
            string? Text(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new InputToken(Text("prompt") ?? string.Empty, password || Text("type") == "password", Text("saveAs"));
        }
        catch (JsonException e)
        {
            throw new MagicCommandException($"the input options {rest} are not valid JSON: {e.Message}", line);
        }
    }
}
