using Research.Data.Schema;

namespace Research.Data.Tables;

/// <summary>
/// A typed column of a table. A cell is either a value or missing; a missing cell remembers which declared missing
/// token it was (e.g. the survey's <c>-1</c> "don't know" vs <c>-9</c> "refused"), so nothing is lost by reading.
/// </summary>
public abstract class Column
{
    /// <summary>Marker in <see cref="MissingCodes"/> for a cell that failed to parse (reported as a validation issue).</summary>
    internal const byte Invalid = byte.MaxValue;

    private readonly IReadOnlyList<string> _missingValues;

    private protected Column(TableField field, IReadOnlyList<string> missingValues, int length, byte[]? missingCodes)
    {
        Field = field;
        _missingValues = missingValues;
        Length = length;
        MissingCodes = missingCodes;
    }

    /// <summary>The schema field.</summary>
    public TableField Field { get; }

    /// <summary>The column name.</summary>
    public string Name => Field.Name;

    /// <summary>The number of rows.</summary>
    public int Length { get; }

    /// <summary>Per row: 0 for a value, else 1 + index of the matched missing token (or <see cref="Invalid"/>); null when no cell is missing.</summary>
    private protected byte[]? MissingCodes { get; }

    /// <summary>Whether any cell is missing.</summary>
    public bool HasMissing => MissingCodes is not null;

    /// <summary>Whether the cell in <paramref name="row"/> (0-based) is missing.</summary>
    public bool IsMissing(int row) => MissingCodes is { } codes && codes[row] != 0;

    /// <summary>The declared missing token the cell matched (e.g. <c>"-9"</c>), or <see langword="null"/> when the cell has a value.</summary>
    public string? MissingToken(int row)
    {
        if (MissingCodes is not { } codes || codes[row] == 0)
        {
            return null;
        }

        return codes[row] == Invalid ? "<invalid>" : _missingValues[codes[row] - 1];
    }

    /// <summary>The number of missing cells.</summary>
    public int MissingCount => MissingCodes is { } codes ? codes.Count(c => c != 0) : 0;

    /// <summary>The cell as an object (boxed; for display and tests, not for hot loops).</summary>
    public abstract object? GetValue(int row);

    /// <summary>The declared missing tokens, in the order <see cref="MissingCodes"/> counts them.</summary>
    private protected IReadOnlyList<string> MissingValues => _missingValues;

    /// <summary>The cells of <paramref name="rows"/> (0-based, in that order) as a new column of the same field.</summary>
    internal abstract Column Take(ReadOnlySpan<int> rows);

    /// <summary>The raw missing code of each cell (0 for a value), or null when no cell is missing.</summary>
    internal ReadOnlySpan<byte> RawMissingCodes => MissingCodes;

    private protected byte[]? TakeMissing(ReadOnlySpan<int> rows)
    {
        if (MissingCodes is not { } codes)
        {
            return null;
        }

        var taken = new byte[rows.Length];
        var any = false;
        for (var i = 0; i < rows.Length; i++)
        {
            taken[i] = codes[rows[i]];
            any |= taken[i] != 0;
        }

        return any ? taken : null;
    }
}
