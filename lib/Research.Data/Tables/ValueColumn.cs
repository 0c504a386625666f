using Research.Data.Schema;

namespace Research.Data.Tables;

/// <summary>A column of unmanaged values (integers, numbers, booleans, dates, months) stored in one array.</summary>
/// <remarks>
/// The array may be longer than the column: a reader sizes it for a whole file from an estimate and hands it over
/// as it is, since trimming it would copy every value once more (a second of a national register's reading), while
/// the unused tail was never written and so holds no memory.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ValueColumn<T> : Column
    where T : struct
{
    private readonly T[] _values;

    internal ValueColumn(TableField field, IReadOnlyList<string> missingValues, T[] values, byte[]? missingCodes)
        : this(field, missingValues, values, values.Length, missingCodes)
    {
    }

    /// <summary>A column of the first <paramref name="length"/> slots of <paramref name="values"/>.</summary>
    internal ValueColumn(TableField field, IReadOnlyList<string> missingValues, T[] values, int length, byte[]? missingCodes)
        : base(field, missingValues, length, missingCodes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, values.Length);
        _values = values;
    }

    /// <summary>The raw values; the slot of a missing cell holds <c>default</c>. Check <see cref="Column.IsMissing"/>.</summary>
    public ReadOnlySpan<T> Values => _values.AsSpan(0, Length);

    /// <summary>The cell in <paramref name="row"/>, or <see langword="null"/> when missing.</summary>
    public T? this[int row] => IsMissing(row) ? null : Values[row];

    /// <inheritdoc />
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc />
    internal override Column Take(ReadOnlySpan<int> rows)
    {
        var source = Values;
        var values = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = source[rows[i]];
        }

        return new ValueColumn<T>(Field, MissingValues, values, TakeMissing(rows));
    }
}
