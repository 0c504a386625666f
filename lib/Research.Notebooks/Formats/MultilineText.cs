using System.Text;
using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>nbformat "multiline strings": a string or an array of strings that are concatenated.</summary>
internal static class MultilineText
{
    /// <summary>Reads a multiline string: a plain string, or an array joined with no separator.</summary>
    public static string Read(JsonNode? node, string what) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Concat(a.Select(x => x is JsonValue xv && xv.TryGetValue<string>(out var part)
            ? part
            : throw new NotebookFormatException($"{what} contains a non-string element."))),
        _ => throw new NotebookFormatException($"{what} must be a string or an array of strings."),
    };

    /// <summary>Splits <paramref name="text"/> like Python's <c>str.splitlines(True)</c>, as nbformat does on write.</summary>
    public static JsonArray Write(string text)
    {
        var array = new JsonArray();
        var line = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            line.Append(c);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                line.Append('\n');
                i++;
            }

            if (IsLineBreak(c))
            {
                array.Add(line.ToString());
                line.Clear();
            }
        }

        if (line.Length > 0)
        {
            array.Add(line.ToString());
        }

        return array;
    }

    private static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
