using System.Globalization;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Reading;

/// <summary>
/// Parses the lexical form of a value by its field's declaration. Never consults the machine's culture: the decimal and
/// group separators come from the schema, everything else is the invariant Table Schema form.
/// </summary>
public static class FieldParser
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // Powers of ten that a double holds exactly (10^22 is the largest).
    private static readonly double[] ExactPowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>Parses an integer: optional sign and digits, with the field's group separator removed if one is declared.</summary>
    public static bool TryParseInteger(TableField field, ReadOnlySpan<char> text, out long value)
    {
        if (field.GroupChar is { } group && text.Contains(group))
        {
            Span<char> buffer = stackalloc char[text.Length];
            var n = 0;
            foreach (var c in text)
            {
                if (c != group)
                {
                    buffer[n++] = c;
                }
            }

            return long.TryParse(buffer[..n], IntegerStyle, CultureInfo.InvariantCulture, out value);
        }

        return TryParseDigits(text, out value) || long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a finite number with the field's decimal (and optional group) separator.</summary>
    public static bool TryParseNumber(TableField field, ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        bool ok;
        if (field.DecimalChar == '.' && field.GroupChar is null)
        {
            ok = TryParseShortDecimal(text, out value) || double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out value);
        }
        else
        {
            // Rewrite to the invariant form: drop group separators, turn the declared decimal char into '.', and refuse a
            // stray '.' when ',' is the decimal char (it would otherwise be read as a decimal point).
            Span<char> buffer = stackalloc char[text.Length];
            var n = 0;
            foreach (var c in text)
            {
                if (field.GroupChar is { } g && c == g)
                {
                    continue;
                }

                if (c == field.DecimalChar)
                {
                    buffer[n++] = '.';
                }
                else if (c == '.')
                {
                    return false;
                }
                else
                {
                    buffer[n++] = c;
                }
            }

            ok = double.TryParse(buffer[..n], NumberStyle, CultureInfo.InvariantCulture, out value);
        }

        return ok && double.IsFinite(value);
    }

    /// <summary>Parses a boolean by the field's exact <c>trueValues</c>/<c>falseValues</c>.</summary>
    public static bool TryParseBoolean(TableField field, ReadOnlySpan<char> text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return TryParseBoolean([.. field.TrueValues], [.. field.FalseValues], text, out value);
    }

    /// <summary>
    /// Parses a boolean by the given tokens. A reader passes its field's tokens as arrays made once: enumerating the
    /// field's lists for every cell allocated an enumerator per cell (7 % of validating a national extract).
    /// </summary>
    internal static bool TryParseBoolean(string[] trueValues, string[] falseValues, ReadOnlySpan<char> text, out bool value)
    {
        foreach (var t in trueValues)
        {
            if (text.SequenceEqual(t))
            {
                value = true;
                return true;
            }
        }

        foreach (var f in falseValues)
        {
            if (text.SequenceEqual(f))
            {
                value = false;
                return true;
            }
        }

        value = false;
        return false;
    }

    /// <summary>Parses an ISO 8601 date, exactly <c>YYYY-MM-DD</c>.</summary>
    /// <remarks>
    /// A well-formed date is taken apart by hand; anything else goes to <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateOnly)"/>,
    /// whose verdict stands. The runtime's parser costs microseconds a value (it compares the format's literals
    /// culture-aware), which for the 1.3 million dates of a national extract was a fifth of reading its CSV files.
    /// </remarks>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[..4], out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    // The common integer, an optional '-' and one to 18 ASCII digits (no overflow is possible), read by hand; any other
    // form returns false and goes to the runtime's parser, whose verdict stands.
    private static bool TryParseDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                value = 0;
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        value = negative ? -value : value;
        return true;
    }

    // The common decimal, an optional '-', digits and optionally '.' and more digits, whose digits as an integer m are at
    // most 2^53 and whose fraction has at most 22 digits, read by hand: m and 10^k are then exact doubles, and one IEEE
    // division rounds their quotient correctly, which is the value the runtime's (correctly rounding) parser returns, bit
    // for bit (Clinger's fast path). Any other form returns false and goes to the runtime's parser. Parsing was the
    // largest single cost of reading a national register.
    private static bool TryParseShortDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == '-';
        ulong mantissa = 0;
        int digits = 0, fraction = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 19)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (ulong)(c - '0');
                fraction += fraction >= 0 ? 1 : 0;
            }
            else if (c == '.' && fraction < 0 && digits > 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || fraction == 0 || fraction > 22 || mantissa > (1UL << 53))
        {
            return false;
        }

        var magnitude = fraction > 0 ? mantissa / ExactPowersOfTen[fraction] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Parses a constraint bound written in the field's lexical form.</summary>
    internal static bool TryParseBound(TableField field, string text, out IComparable value)
    {
        value = 0;
        switch (field.Type)
        {
            case FieldType.Integer when TryParseInteger(field, text, out var l):
                value = l;
                return true;
            case FieldType.Number when TryParseNumber(field, text, out var d):
                value = d;
                return true;
            case FieldType.Date when TryParseDate(text, out var date):
                value = date;
                return true;
            case FieldType.YearMonth when YearMonth.TryParse(text, out var ym):
                value = ym;
                return true;
            default:
                return false;
        }
    }

    /// <summary>What a value of <paramref name="field"/> should look like, with a hint for the classic decimal-comma mistake.</summary>
    internal static string Expectation(TableField field, ReadOnlySpan<char> text) => field.Type switch
    {
        FieldType.Integer => "expected an integer (optional sign and digits" + (field.GroupChar is { } g ? $", group separator '{g}'" : string.Empty) + ")",
        FieldType.Number when field.DecimalChar == '.' && text.Contains(',') =>
            "expected a number with '.' as decimal separator; this looks like a decimal comma: declare \"decimalChar\": \",\" for the field in the extract's datapackage.json",
        FieldType.Number when field.DecimalChar == ',' && text.Contains('.') =>
            "expected a number with ',' as decimal separator (the schema declares decimalChar ','); '.' is not allowed",
        FieldType.Number => $"expected a finite number with '{field.DecimalChar}' as decimal separator",
        FieldType.Boolean => $"expected one of {string.Join(", ", field.TrueValues.Concat(field.FalseValues).Select(v => $"\"{v}\""))}",
        FieldType.Date => "expected a date YYYY-MM-DD",
        FieldType.YearMonth => "expected a month YYYY-MM",
        _ => "expected text",
    };
}
