namespace Research.Analysis.Results;

/// <summary>
/// One row of a result table: a key that identifies it across runs (e.g. <c>met_extra_hulp|partial_full_outflow|16</c>),
/// descriptive labels, and named numbers. A number that is not available is <see langword="null"/>; a number withheld by
/// disclosure control is null too, and <see cref="Disclosure"/> names the rule that withheld it (or, for a number published
/// rounded, the rounding rule).
/// </summary>
/// <param name="Key">Stable identity of the row within its table.</param>
/// <param name="Labels">Descriptive text columns (arm name, outcome, ...).</param>
/// <param name="Values">Named numbers; null where not available or withheld.</param>
public sealed record ResultRow(string Key, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, double?> Values)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Per value that disclosure control withheld or changed, the key of the rule (<c>minimum_count</c>, <c>rounded</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Disclosure { get; init; } = None;

    /// <summary>The number called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row has no such number.</exception>
    public double? this[string name] => Values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"row {Key} has no value '{name}'");

    /// <summary>The label called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row has no such label.</exception>
    public string Label(string name) => Labels.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"row {Key} has no label '{name}'");

    /// <summary>Whether disclosure control withheld the value called <paramref name="name"/>.</summary>
    public bool IsWithheld(string name) => Disclosure.ContainsKey(name) && Values.GetValueOrDefault(name) is null;
}
