using System.Text;

namespace Research.Notebooks.Magics;

/// <summary>
/// One magic command line (<c>#!share --from csharp x --as y</c>), parsed command-line style: whitespace separates
/// tokens except inside double quotes or a JSON object (<c>@input:{"prompt":"…"}</c>); <c>--option value</c> pairs,
/// <c>--flag</c>s (an option followed by another option or nothing) and positional values.
/// </summary>
public sealed class MagicLine
{
    private readonly Dictionary<string, string?> _options;

    private MagicLine(string command, int lineNumber, string text, IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Command = command;
        LineNumber = lineNumber;
        Text = text;
        Positional = positional;
        _options = options;
    }

    /// <summary>The command without <c>#!</c>, e.g. <c>share</c>.</summary>
    public string Command { get; }

    /// <summary>The 1-based line of the cell.</summary>
    public int LineNumber { get; }

    /// <summary>The line as written (trailing whitespace removed).</summary>
    public string Text { get; }

    /// <summary>The values not attached to an option, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>The option names given, e.g. <c>--name</c>.</summary>
    public IEnumerable<string> OptionNames => _options.Keys;

    /// <summary>Parses a line that starts with <c>#!</c>.</summary>
    /// <exception cref="MagicCommandException">An unterminated quote or JSON object.</exception>
    public static MagicLine Parse(string line, int lineNumber)
    {
        var text = line.TrimEnd();
        var tokens = Tokenize(text[2..], lineNumber);
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].StartsWith("--", StringComparison.Ordinal) || (tokens[i].StartsWith('-') && tokens[i].Length == 2))
            {
                var takesValue = i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[tokens[i]] = takesValue ? Unquote(tokens[++i]) : null;
            }
            else
            {
                positional.Add(Unquote(tokens[i]));
            }
        }

        return new MagicLine(tokens.Count > 0 ? tokens[0] : string.Empty, lineNumber, text, positional, options);
    }

    /// <summary>The value of the first of <paramref name="names"/> given, or null.</summary>
    public string? Option(params string[] names) =>
        names.Select(n => _options.TryGetValue(n, out var v) ? v : null).FirstOrDefault(v => v is not null);

    /// <summary>Whether option <paramref name="name"/> was given (as a flag or with a value).</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of <paramref name="names"/>' first option, failing with a message when it is missing.</summary>
    /// <exception cref="MagicCommandException">None of the options was given a value.</exception>
    public string Required(params string[] names) =>
        Option(names) ?? throw new MagicCommandException($"#!{Command} needs {names[0]} VALUE.", LineNumber);

    /// <summary>Removes one level of surrounding double quotes, with <c>\"</c> and <c>\\</c> unescaped.</summary>
    public static string Unquote(string token) =>
        token.Length >= 2 && token[0] == '"' && token[^1] == '"'
            ? token[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : token;

    private static List<string> Tokenize(string text, int lineNumber)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '{')
            {
                depth++;
            }
            else if (!quoted && c == '}')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(c);
        }

        if (quoted || depth != 0)
        {
            throw new MagicCommandException($"the magic command has an unterminated {(quoted ? "quote" : "JSON object")}.", lineNumber);
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
