using Research.Data.Schema;

namespace Research.Data.Tables;

/// <summary>A column of unmanaged values (integers, numbers, booleans, dates, months) stored in one array.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ValueColumn<T> : Column
    where T : struct
{
    private readonly T[] _values;

    internal ValueColumn(TableField field, IReadOnlyList<string> missingValues, T[] values, byte[]? missingCodes)
        : base(field, missingValues, values.Length, missingCodes)
    {
        _values = values;
    }

    /// <summary>The raw values; the slot of a missing cell holds <c>default</c>. Check <see cref="Column.IsMissing"/>.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>The cell in <paramref name="row"/>, or <see langword="null"/> when missing.</summary>
    public T? this[int row] => IsMissing(row) ? null : _values[row];

    /// <inheritdoc />
    public override object? GetValue(int row) => this[row];

    /// <inheritdoc />
    internal override Column Take(ReadOnlySpan<int> rows)
    {
        var values = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = _values[rows[i]];
        }

        return new ValueColumn<T>(Field, MissingValues, values, TakeMissing(rows));
    }
}
