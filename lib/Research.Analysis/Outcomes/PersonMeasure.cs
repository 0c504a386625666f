namespace Research.Analysis.Outcomes;

/// <summary>
/// One value per included person of an <see cref="OutcomePanel"/>: <see cref="Persons"/>[i] is the panel index (participants
/// row order) of <see cref="Values"/>[i]. Persons left out for lack of register coverage are listed in <see cref="Excluded"/>.
/// </summary>
public sealed class PersonMeasure
{
    private readonly int[] _persons;
    private readonly double[] _values;
    private readonly int[] _excluded;

    internal PersonMeasure(string description, int[] persons, double[] values, int[] excluded)
    {
        Description = description;
        _persons = persons;
        _values = values;
        _excluded = excluded;
    }

    /// <summary>What was measured, e.g. <c>FullOutflow at month +12</c>.</summary>
    public string Description { get; }

    /// <summary>Panel indices of the included persons, ascending.</summary>
    public ReadOnlySpan<int> Persons => _persons;

    /// <summary>The values, aligned with <see cref="Persons"/>; never NaN.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Panel indices of the persons left out because their register did not cover the months needed.</summary>
    public ReadOnlySpan<int> Excluded => _excluded;

    /// <summary>The number of included persons.</summary>
    public int Count => _values.Length;

    /// <summary>The mean over included persons (for a status: the share).</summary>
    /// <exception cref="InvalidOperationException">No person is included.</exception>
    public double Mean() => _values.Length > 0
        ? _values.Average()
        : throw new InvalidOperationException($"{Description}: no person is included, so there is no mean");
}
