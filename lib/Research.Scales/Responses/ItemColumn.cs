namespace Research.Scales.Responses;

/// <summary>
/// The answers to one item column. <see cref="Values"/>[row] is the raw answer as recorded (it may be out of range;
/// scoring reports it) or null when there is no answer. For a null value, <see cref="MissingCodes"/>[row] holds the
/// declared missing code that was matched (e.g. −1 don't know, −9 refused, 9 onbekend), or null when the cell was
/// empty (not asked / not reached). The arrays are used as given, not copied: do not change them while scoring.
/// </summary>
public sealed class ItemColumn
{
    /// <summary>Creates a column.</summary>
    /// <param name="name">The survey column name.</param>
    /// <param name="values">Raw answers; null = no answer.</param>
    /// <param name="missingCodes">Matched missing code per row (null = empty cell), or null when not known.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, or a row has both an answer and a missing code.</exception>
    public ItemColumn(string name, int?[] values, int?[]? missingCodes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (missingCodes is not null)
        {
            if (missingCodes.Length != values.Length)
            {
                throw new ArgumentException(
                    $"Column {name}: {values.Length} values but {missingCodes.Length} missing codes; they must be parallel.",
                    nameof(missingCodes));
            }

            for (var row = 0; row < values.Length; row++)
            {
                if (values[row] is not null && missingCodes[row] is not null)
                {
                    throw new ArgumentException(
                        $"Column {name}, row {row}: has both answer {values[row]} and missing code {missingCodes[row]}.",
                        nameof(missingCodes));
                }
            }
        }

        Name = name;
        RawValues = values;
        RawMissingCodes = missingCodes;
    }

    /// <summary>The survey column name.</summary>
    public string Name { get; }

    /// <summary>Raw answers per row; null = no answer.</summary>
    public IReadOnlyList<int?> Values => RawValues;

    /// <summary>Matched missing code per row, or null when the source did not record it.</summary>
    public IReadOnlyList<int?>? MissingCodes => RawMissingCodes;

    /// <summary>Number of rows.</summary>
    public int Count => RawValues.Length;

    // Scoring a million rows reads these arrays directly rather than through the interface.
    internal int?[] RawValues { get; }

    internal int?[]? RawMissingCodes { get; }
}
