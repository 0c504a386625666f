using Research.Data.Reading;
using Research.Data.Schema;
using Research.Data.Validation;

namespace Research.Data.Tests.Reading;

/// <summary>A string field's pattern matches the whole value, in time linear in the value, whatever the pattern.</summary>
public sealed class PatternTests
{
    [Theory]
    [InlineData("^[0-9]{9}$", "123456789", true)]
    [InlineData("^[0-9]{9}$", "12345678", false)]
    [InlineData("[A-Z]{3}-[0-9]{3,6}", "UTR-0042", true)]
    [InlineData("[A-Z]{3}-[0-9]{3,6}", "xUTR-0042", false)] // whole value, not a substring
    [InlineData("a|b", "ab", false)] // the alternation is grouped before anchoring
    [InlineData("(a)\\1", "aa", true)] // a backreference: matched by the backtracking engine instead
    [InlineData("(a)\\1", "ab", false)]
    public void A_value_matches_only_as_a_whole(string pattern, string value, bool valid)
    {
        var sink = new IssueSink();

        Read(pattern, sink, value);

        Assert.Equal(valid ? 0 : 1, sink.ErrorCount);
    }

    [Fact]
    public void A_pattern_that_backtracks_exponentially_is_still_linear()
    {
        // (a+)+b against a run of a's takes a backtracking engine 2^n steps (at n = 40, years): it would hit its
        // timeout and throw. The non-backtracking engine answers at once, so both values are simply invalid.
        var sink = new IssueSink();

        Read("(a+)+b", sink, new string('a', 40) + "!", new string('a', 5_000));

        Assert.Equal(2, sink.ErrorCount);
    }

    private static void Read(string pattern, IssueSink sink, params string[] values)
    {
        var field = new TableField { Name = "code", Type = FieldType.String, Constraints = new FieldConstraints { Pattern = pattern } };
        var builder = ColumnBuilder.For(field, [string.Empty], "t.csv", sink, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            builder.AppendText(values[i], i + 2);
        }
    }
}
