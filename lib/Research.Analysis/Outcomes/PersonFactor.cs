namespace Research.Analysis.Outcomes;

/// <summary>A categorical attribute of the panel's persons (municipality, arm, stratum, caseworker) as codes into levels.</summary>
public sealed class PersonFactor
{
    private readonly int[] _codes;
    private readonly string[] _levels;

    /// <summary>Creates a factor; every code must index <paramref name="levels"/>.</summary>
    /// <exception cref="ArgumentException">A code is outside the levels, or a level is listed twice.</exception>
    public PersonFactor(string name, int[] codes, string[] levels)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(levels);
        var bad = Array.FindIndex(codes, c => (uint)c >= (uint)levels.Length);
        if (bad >= 0)
        {
            throw new ArgumentException($"{name}: code {codes[bad]} of person {bad} is not an index into the {levels.Length} levels", nameof(codes));
        }

        // Distinct, so that equal codes mean equal values: persons are grouped by their codes (e.g. into clusters).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = Array.Find(levels, level => !seen.Add(level));
        if (repeated is not null)
        {
            throw new ArgumentException($"{name}: the level '{repeated}' is listed twice", nameof(levels));
        }

        Name = name;
        _codes = codes;
        _levels = levels;
    }

    /// <summary>The attribute's name, e.g. <c>arm</c>.</summary>
    public string Name { get; }

    /// <summary>Per person, the index into <see cref="Levels"/>: equal codes, equal values.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The distinct values.</summary>
    public IReadOnlyList<string> Levels => _levels;

    /// <summary>The number of persons.</summary>
    public int Count => _codes.Length;

    /// <summary>The value for <paramref name="person"/>.</summary>
    public string this[int person] => _levels[_codes[person]];
}
