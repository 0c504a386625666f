using Newtonsoft.Json;

namespace Research.Notebooks.Formatting;

/// <summary>
/// Writes a <see cref="DynamicObj.DynamicObj"/> (Plotly.NET's traces, layouts and their parts) as Newtonsoft writes any
/// dynamic object with default settings: its dynamic member names in order, each with the value the object returns for
/// it, but read from the object instead of through a dynamic call site per member.
/// </summary>
internal sealed class DynamicObjConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => typeof(DynamicObj.DynamicObj).IsAssignableFrom(objectType);

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        var dynamic = (DynamicObj.DynamicObj)value!;
        writer.WriteStartObject();
        foreach (var name in dynamic.GetDynamicMemberNames())
        {
            // What the object's TryGetMember answers for the name; a name it does not answer is left out, as Newtonsoft does.
            if (dynamic.TryGetPropertyValue(name) is { } member)
            {
                writer.WritePropertyName(name);
                serializer.Serialize(writer, member.Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("figures are only written");
}
