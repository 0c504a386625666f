using System.Text.Json;
using Research.Notebooks.Formatting;

namespace Research.Notebooks.Values;

/// <summary>
/// How a value crosses from one kernel (or a <c>#!value</c> cell, or a parameter) to another: as the .NET object
/// itself when the receiving kernel can declare a variable of its type, otherwise as JSON, which arrives the way
/// .NET Interactive delivered JSON: a <see cref="JsonDocument"/> for an object or array, a <see cref="bool"/>,
/// <see cref="double"/> or <see cref="string"/> for a scalar. With a MIME type (<c>--mime-type</c>) the value is
/// formatted with the session's formatters and arrives as that text (JSON types parsed as above).
/// </summary>
public static class ValueTransfer
{
    /// <summary>The JSON MIME type.</summary>
    public const string JsonMimeType = "application/json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The value and declared type <paramref name="target"/> receives for <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The value has no representation of <paramref name="mimeType"/>.</exception>
    public static (object? Value, Type Type) ForTarget(object? value, IVariableStore target, string? mimeType, FormatterRegistry formatters, FormatContext context)
    {
        if (mimeType is not null)
        {
            return FromText(Format(value, mimeType, formatters, context), mimeType);
        }

        if (value is null)
        {
            return (null, typeof(object));
        }

        return target.CanDeclare(value.GetType()) ? (value, value.GetType()) : FromText(ToJson(value, formatters, context), JsonMimeType);
    }

    /// <summary>
    /// The value of <paramref name="text"/> given as <paramref name="mimeType"/>: parsed JSON for a JSON type, the text
    /// itself otherwise.
    /// </summary>
    /// <exception cref="JsonException">The text is not valid JSON although the type says so.</exception>
    public static (object? Value, Type Type) FromText(string text, string mimeType)
    {
        if (!MimeBundle.IsJsonMimeType(mimeType))
        {
            return (text, typeof(string));
        }

        var document = JsonDocument.Parse(text);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Array => (document, typeof(JsonDocument)),
            JsonValueKind.True => (true, typeof(bool)),
            JsonValueKind.False => (false, typeof(bool)),
            JsonValueKind.String => (document.RootElement.GetString(), typeof(string)),
            JsonValueKind.Number => (document.RootElement.GetDouble(), typeof(double)),
            _ => (null, typeof(object)),
        };
    }

    /// <summary>The JSON text of <paramref name="value"/>; a value System.Text.Json cannot write becomes its plain text as a JSON string.</summary>
    public static string ToJson(object? value, FormatterRegistry formatters, FormatContext context)
    {
        switch (value)
        {
            case JsonDocument document:
                return document.RootElement.GetRawText();
            case JsonElement element:
                return element.GetRawText();
        }

        try
        {
            return JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Json);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            return JsonSerializer.Serialize(formatters.PlainText(value, context), Json);
        }
    }

    private static string Format(object? value, string mimeType, FormatterRegistry formatters, FormatContext context)
    {
        var bundle = formatters.Format(value, context);
        if (bundle.GetNode(mimeType) is { } node)
        {
            return MimeBundle.IsJsonMimeType(mimeType) ? node.ToJsonString() : bundle.GetText(mimeType)!;
        }

        return MimeBundle.IsJsonMimeType(mimeType)
            ? ToJson(value, formatters, context)
            : throw new InvalidOperationException(
                $"the value has no '{mimeType}' representation (it has: {string.Join(", ", bundle.MimeTypes)}).");
    }
}
