namespace Research.Analysis.Reports;

/// <summary>
/// The names of the intervention types (<see cref="Data.Design.ExperimentArm.TypeLabel"/>) as the Dutch experiments called
/// them (ontheffing, intensivering, vrijlating) and in English.
/// </summary>
public static class ArmTypes
{
    private static readonly Dictionary<string, (string Nl, string En)> Names = new(StringComparer.Ordinal)
    {
        ["control"] = ("controlegroep (regulier regime)", "control (regular regime)"),
        ["exemption"] = ("ontheffing", "exemption from obligations"),
        ["intensification"] = ("intensivering", "intensified coaching"),
        ["earnings_disregard"] = ("vrijlating", "larger earnings disregard"),
        ["combination"] = ("combinatie", "combination of components"),
        ["choice"] = ("keuze", "self-chosen component"),
    };

    /// <summary>The Dutch name of <paramref name="type"/>, e.g. <c>vrijlating</c>.</summary>
    /// <exception cref="KeyNotFoundException">Unknown type.</exception>
    public static string Dutch(string type) => Lookup(type).Nl;

    /// <summary>The English name of <paramref name="type"/>, e.g. "larger earnings disregard".</summary>
    /// <exception cref="KeyNotFoundException">Unknown type.</exception>
    public static string English(string type) => Lookup(type).En;

    /// <summary>"vrijlating (larger earnings disregard)".</summary>
    public static string Both(string type) => $"{Dutch(type)} ({English(type)})";

    private static (string Nl, string En) Lookup(string type) => Names.TryGetValue(type, out var names)
        ? names
        : throw new KeyNotFoundException($"unknown intervention type '{type}'; known: {string.Join(", ", Names.Keys)}");
}
