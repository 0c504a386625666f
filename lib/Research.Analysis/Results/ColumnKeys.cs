using System.Text.Json;

namespace Research.Analysis.Results;

/// <summary>The snake_case names of column kinds and units in result files (<c>p_value</c>, <c>standard_deviations</c>).</summary>
internal static class ColumnKeys
{
    private static readonly Dictionary<ColumnKind, string> Kinds = Enum.GetValues<ColumnKind>().ToDictionary(k => k, k => Key(k.ToString()));
    private static readonly Dictionary<ValueUnit, string> Units = Enum.GetValues<ValueUnit>().ToDictionary(u => u, u => Key(u.ToString()));

    public static string Of(ColumnKind kind) => Kinds[kind];

    public static string Of(ValueUnit unit) => Units[unit];

    public static ColumnKind Kind(string key, string where) => Kinds.FirstOrDefault(k => k.Value == key) is { Value: not null } found
        ? found.Key
        : throw new InvalidDataException($"{where} is '{key}'; expected one of {string.Join(", ", Kinds.Values)}");

    public static ValueUnit Unit(string key, string where) => Units.FirstOrDefault(u => u.Value == key) is { Value: not null } found
        ? found.Key
        : throw new InvalidDataException($"{where} is '{key}'; expected one of {string.Join(", ", Units.Values)}");

    private static string Key(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
