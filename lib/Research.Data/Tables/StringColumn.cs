using Research.Data.Schema;

namespace Research.Data.Tables;

/// <summary>
/// A dictionary-encoded text column: each row holds a code into <see cref="Levels"/>. Identifiers repeated over
/// millions of register rows cost four bytes a row, and grouping by person is an integer operation.
/// </summary>
public sealed class StringColumn : Column
{
    private readonly int[] _codes;
    private readonly string[] _levels;

    internal StringColumn(TableField field, IReadOnlyList<string> missingValues, int[] codes, string[] levels, byte[]? missingCodes)
        : this(field, missingValues, codes, codes.Length, levels, missingCodes)
    {
    }

    /// <summary>A column of the first <paramref name="length"/> codes of <paramref name="codes"/> (longer as a reader sized it; see <see cref="ValueColumn{T}"/>).</summary>
    internal StringColumn(TableField field, IReadOnlyList<string> missingValues, int[] codes, int length, string[] levels, byte[]? missingCodes)
        : base(field, missingValues, length, missingCodes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, codes.Length);
        _codes = codes;
        _levels = levels;
    }

    /// <summary>Per row, the index into <see cref="Levels"/>; -1 for a missing cell.</summary>
    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, Length);

    /// <summary>The distinct values in order of first appearance.</summary>
    public IReadOnlyList<string> Levels => _levels;

    /// <summary>The cell in <paramref name="row"/>, or <see langword="null"/> when missing.</summary>
    public string? this[int row] => Codes[row] < 0 ? null : _levels[Codes[row]];

    /// <inheritdoc />
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc />
    /// <remarks>Levels are renumbered in order of first appearance among the taken rows, as reading those rows would.</remarks>
    internal override Column Take(ReadOnlySpan<int> rows)
    {
        var (codes, levels) = Renumbered(rows);
        return new StringColumn(Field, MissingValues, codes, levels, TakeMissing(rows));
    }

    /// <summary>The codes of <paramref name="rows"/> into the values they use, numbered in order of first appearance among them (-1 where missing).</summary>
    internal (int[] Codes, string[] Levels) Renumbered(ReadOnlySpan<int> rows)
    {
        var renumbered = new int[_levels.Length];
        Array.Fill(renumbered, -1);
        var levels = new List<string>();
        var source = Codes;
        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var code = source[rows[i]];
            if (code < 0)
            {
                codes[i] = -1;
                continue;
            }

            if (renumbered[code] < 0)
            {
                renumbered[code] = levels.Count;
                levels.Add(_levels[code]);
            }

            codes[i] = renumbered[code];
        }

        return (codes, [.. levels]);
    }
}
