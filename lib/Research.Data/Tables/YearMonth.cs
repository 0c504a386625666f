using System.Globalization;

namespace Research.Data.Tables;

/// <summary>A calendar month (Table Schema <c>yearmonth</c>), ordered and with month arithmetic.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>, IComparable
{
    private readonly int _index;

    /// <summary>Creates the month <paramref name="year"/>-<paramref name="month"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Month outside 1–12 or year outside 1–9999.</exception>
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        _index = (year * 12) + month - 1;
    }

    private YearMonth(int index) => _index = index;

    /// <summary>The year.</summary>
    public int Year => _index / 12;

    /// <summary>The month, 1–12.</summary>
    public int Month => (_index % 12) + 1;

    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>This month plus <paramref name="months"/> (may be negative).</summary>
    public YearMonth AddMonths(int months) => new(_index + months);

    /// <summary>Whole months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(YearMonth other) => _index - other._index;

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => _index.CompareTo(other._index);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is YearMonth other ? CompareTo(other) : throw new ArgumentException("not a YearMonth", nameof(obj));

    /// <summary>Orders months.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a._index < b._index;

    /// <summary>Orders months.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a._index > b._index;

    /// <summary>Orders months.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a._index <= b._index;

    /// <summary>Orders months.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a._index >= b._index;

    /// <summary>Parses exactly <c>YYYY-MM</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out YearMonth value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12 || year < 1)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    /// <summary>Formats as <c>YYYY-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
