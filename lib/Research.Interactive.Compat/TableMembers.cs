using System.Reflection;
using System.Text;

namespace Microsoft.DotNet.Interactive;

/// <summary>The columns <see cref="DisplayExtensions.DisplayTable{T}"/> shows: public instance properties, then fields.</summary>
internal sealed record TableMembers(string Name, Func<object?, object?> Read)
{
    private static readonly System.Buffers.SearchValues<char> NeedQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    public static IReadOnlyList<TableMembers> Of(Type type)
    {
        // A scalar (a number, a string, a date) is its own single column, as .NET Interactive shows it.
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || typeof(IFormattable).IsAssignableFrom(type))
        {
            return new[] { new TableMembers("value", o => o) };
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Select(p => new TableMembers(p.Name, o => o is null ? null : p.GetValue(o)));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Select(f => new TableMembers(f.Name, o => o is null ? null : f.GetValue(o)));
        return properties.Concat(fields).ToList();
    }

    /// <summary>RFC 4180 CSV: a header line, then one line per row; fields quoted when they need it.</summary>
    public static string Csv<T>(IReadOnlyList<TableMembers> members, IEnumerable<T> rows, Func<object?, string> text)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', members.Select(m => Quote(m.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', members.Select(m => Quote(text(m.Read(row))))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(NeedQuotes) >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
