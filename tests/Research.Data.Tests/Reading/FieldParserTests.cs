using System.Globalization;
using Research.Data.Reading;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Tests.Reading;

public sealed class FieldParserTests
{
    private static readonly TableField Number = new() { Name = "x", Type = FieldType.Number };
    private static readonly TableField DutchNumber = new() { Name = "x", Type = FieldType.Number, DecimalChar = ',', GroupChar = '.' };

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("1e3", 1000)]
    [InlineData("12", 12)]
    public void Numbers_use_the_declared_point(string text, double expected)
    {
        Assert.True(FieldParser.TryParseNumber(Number, text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.000,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(" 1.5")]
    [InlineData("")]
    public void Numbers_reject_other_forms(string text) => Assert.False(FieldParser.TryParseNumber(Number, text, out _));

    [Theory]
    [InlineData("1,5", 1.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("-7", -7)]
    public void Decimal_comma_is_honoured_when_declared(string text, double expected)
    {
        Assert.True(FieldParser.TryParseNumber(DutchNumber, text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Parsing_does_not_depend_on_the_machine_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            Assert.True(FieldParser.TryParseNumber(Number, "2.5", out var value));
            Assert.Equal(2.5, value);
            Assert.False(FieldParser.TryParseNumber(Number, "2,5", out _));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Booleans_are_exactly_the_declared_tokens()
    {
        var field = new TableField { Name = "b", Type = FieldType.Boolean, TrueValues = ["1"], FalseValues = ["0"] };
        Assert.True(FieldParser.TryParseBoolean(field, "1", out var t) && t);
        Assert.True(FieldParser.TryParseBoolean(field, "0", out var f) && !f);
        Assert.False(FieldParser.TryParseBoolean(field, "true", out _));
        Assert.False(FieldParser.TryParseBoolean(field, "ja", out _));
    }

    [Fact]
    public void Dates_are_judged_as_the_runtimes_exact_parser_judges_them()
    {
        var texts = new List<string>
        {
            "2000-02-29", "1900-02-29", "2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2018-13-01",
            "2018-00-10", "2018-01-00", "2018-04-31", "2018-1-01", "2018-01-1 ", " 2018-01-01", "2018-01-01 ", "\uff12018-01-01",
            "2018/01/01", "+018-01-01", "-018-01-01", "2018-0a-01", "20180-1-01", "2018-01-011", "", "2018-01", "١٢٣٤-01-01",
        };
        for (var day = new DateOnly(1999, 12, 1); day <= new DateOnly(2001, 3, 31); day = day.AddDays(1))
        {
            texts.Add(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var random = new Random(5);
        const string alphabet = "0123456789-/ x";
        for (var i = 0; i < 20_000; i++)
        {
            texts.Add(i % 2 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(10_000):D4}-{random.Next(20):D2}-{random.Next(40):D2}")
                : new string([.. Enumerable.Range(0, 10).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        }

        foreach (var text in texts)
        {
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact);
            Assert.True(expected == FieldParser.TryParseDate(text, out var parsed), text);
            Assert.Equal(exact, parsed);
        }
    }

    [Fact]
    public void Dates_and_months_are_iso()
    {
        Assert.True(FieldParser.TryParseDate("2018-06-01", out var d));
        Assert.Equal(new DateOnly(2018, 6, 1), d);
        Assert.False(FieldParser.TryParseDate("01-06-2018", out _));
        Assert.True(YearMonth.TryParse("2019-12", out var m));
        Assert.Equal(new YearMonth(2019, 12), m);
        Assert.Equal(new YearMonth(2020, 1), m.AddMonths(1));
        Assert.Equal(-13, new YearMonth(2018, 11).MonthsSince(new YearMonth(2019, 12)));
        Assert.False(YearMonth.TryParse("2019-13", out _));
        Assert.False(YearMonth.TryParse("2019-1", out _));
    }

    [Fact]
    public void Integers_take_a_declared_group_separator()
    {
        var field = new TableField { Name = "i", Type = FieldType.Integer, GroupChar = '.' };
        Assert.True(FieldParser.TryParseInteger(field, "1.234", out var value));
        Assert.Equal(1234, value);
        Assert.False(FieldParser.TryParseInteger(new TableField { Name = "i", Type = FieldType.Integer }, "1.234", out _));
    }

    [Fact]
    public void Numbers_are_the_bits_the_runtimes_parser_gives()
    {
        // The reader parses common decimals by hand (Clinger's fast path); every text must give the runtime's verdict
        // and bits, across the fast path's edges: 15 to 19 digits, mantissas around 2^53, fractions up to 25 digits,
        // signs, zeros, stray points and exponents (which the runtime alone reads).
        var texts = new List<string>
        {
            "0", "-0", "0.0", "-0.0", "00.5", "5.", ".5", "-.5", "+5", "+0.5", "-", ".", "--1", "1..2", "1.2.3", "1e5", "1E-5",
            "9007199254740992", "9007199254740993", "-9007199254740993", "900719925474099.3", "9007199254740992.0",
            "18446744073709551615", "18446744073709551616", "0.1", "0.2", "0.3", "1.7976931348623157", "123456789012345678.9",
            "0.0000000000000000000001", "0.00000000000000000000001", "1.0000000000000000000000001", "4.35", "2.675", "1703.7",
        };
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = new string([.. Enumerable.Range(0, 1 + random.Next(22)).Select(_ => (char)('0' + random.Next(10)))]);
            var point = random.Next(digits.Length + 1);
            var text = random.Next(4) == 0 ? digits : digits[..point] + "." + digits[point..];
            texts.Add(random.Next(3) == 0 ? "-" + text : text);
        }

        foreach (var text in texts)
        {
            var expected = double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var exact) && double.IsFinite(exact);
            Assert.True(expected == FieldParser.TryParseNumber(Number, text, out var parsed), text);
            Assert.True(!expected || BitConverter.DoubleToInt64Bits(exact) == BitConverter.DoubleToInt64Bits(parsed), text);
        }
    }

    [Fact]
    public void Integers_are_what_the_runtimes_parser_gives()
    {
        var field = new TableField { Name = "i", Type = FieldType.Integer };
        var texts = new List<string>
        {
            "0", "-0", "+7", "-", "", "007", "-007", "999999999999999999", "-999999999999999999", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1.0", "1e3", " 1", "1 ", "١٢", "--1",
        };
        var random = new Random(12);
        for (var i = 0; i < 50_000; i++)
        {
            var digits = new string([.. Enumerable.Range(0, 1 + random.Next(20)).Select(_ => (char)('0' + random.Next(10)))]);
            texts.Add(random.Next(3) == 0 ? "-" + digits : digits);
        }

        foreach (var text in texts)
        {
            var expected = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact);
            Assert.True(expected == FieldParser.TryParseInteger(field, text, out var parsed), text);
            Assert.Equal(exact, parsed);
        }
    }
}
