using System.Text;
using System.Text.Json;

namespace Research.Data.Caching;

/// <summary>A row group's list of a text field's values, as the JSON array of strings a code column's metadata holds.</summary>
internal static class CodedLevels
{
    /// <summary>The values as a JSON array.</summary>
    public static string Write(IReadOnlyList<string> levels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var level in levels)
            {
                json.WriteStringValue(level);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The values of a JSON array written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a JSON array of strings.</exception>
    public static string[] Read(string text)
    {
        var levels = new List<string>();
        try
        {
            var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidDataException("a cached list of values is not a JSON array");
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                levels.Add(json.TokenType == JsonTokenType.String ? json.GetString()! : throw new InvalidDataException("a cached list of values holds something other than text"));
            }

            if (json.TokenType != JsonTokenType.EndArray || json.Read())
            {
                throw new InvalidDataException("a cached list of values does not end where its array does");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"a cached list of values is not valid JSON ({e.Message})", e);
        }

        return [.. levels];
    }
}
