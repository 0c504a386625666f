namespace Research.Analysis.Results;

/// <summary>
/// One row of a result table: a key that identifies it across runs (e.g. <c>met_extra_hulp|partial_full_outflow|16</c>),
/// descriptive labels, and named numbers. A number withheld by disclosure control is <see langword="null"/>.
/// </summary>
/// <param name="Key">Stable identity of the row within its table.</param>
/// <param name="Labels">Descriptive text columns (arm name, outcome, ...).</param>
/// <param name="Values">Named numbers; null where suppressed.</param>
public sealed record ResultRow(string Key, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, double?> Values)
{
    /// <summary>The number called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row has no such number.</exception>
    public double? this[string name] => Values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"row {Key} has no value '{name}'");
}
