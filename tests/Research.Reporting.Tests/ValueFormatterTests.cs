using System.Globalization;
using Research.Analysis.Results;
using Research.Reporting.Tables;

namespace Research.Reporting.Tests;

public sealed class ValueFormatterTests
{
    [Theory]
    [InlineData(ColumnKind.Count, ValueUnit.None, 1234.0, "1,234")]
    [InlineData(ColumnKind.Share, ValueUnit.Share, 0.1234, "12.3%")]
    [InlineData(ColumnKind.Estimate, ValueUnit.Share, 0.052, "+5.2")]
    [InlineData(ColumnKind.Estimate, ValueUnit.Share, -0.0004, "0.0")]
    [InlineData(ColumnKind.Limit, ValueUnit.Share, -0.031, "-3.1")]
    [InlineData(ColumnKind.Spread, ValueUnit.Share, 0.021, "2.1")]
    [InlineData(ColumnKind.PValue, ValueUnit.None, 0.0004, "< 0.001")]
    [InlineData(ColumnKind.PValue, ValueUnit.None, 0.04, "0.040")]
    [InlineData(ColumnKind.DegreesOfFreedom, ValueUnit.None, 9.788, "9.8")]
    [InlineData(ColumnKind.DegreesOfFreedom, ValueUnit.None, 342.0, "342")]
    [InlineData(ColumnKind.Index, ValueUnit.None, 0.0000042, "4.2E-6")]
    [InlineData(ColumnKind.Index, ValueUnit.Percent, 45.6, "46%")]
    [InlineData(ColumnKind.Amount, ValueUnit.Euro, 1234.4, "€1,234")]
    [InlineData(ColumnKind.Estimate, ValueUnit.Months, 14.5, "14.5")]
    [InlineData(ColumnKind.Indicator, ValueUnit.None, 1.0, "yes")]
    public void One_rule_per_kind_whatever_the_column_is_called_and_whatever_the_culture(ColumnKind kind, ValueUnit unit, double value, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            Assert.Equal(expected, ValueFormatter.Format(new ResultColumn("anything", kind, "Anything", unit, kind is ColumnKind.Share or ColumnKind.Amount ? "n" : null), value));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Headers_carry_the_unit_and_null_is_a_dash()
    {
        Assert.Equal("Effect (pp)", ValueFormatter.Header(new ResultColumn("estimate", ColumnKind.Estimate, "Effect", ValueUnit.Share)));
        Assert.Equal("Control share", ValueFormatter.Header(new ResultColumn("c", ColumnKind.Share, "Control share", ValueUnit.Share, "n")));
        Assert.Equal(ValueFormatter.Missing, ValueFormatter.Format(new ResultColumn("n", ColumnKind.Count, "n"), null));
        Assert.Throws<ArgumentException>(() => ValueFormatter.Format(new ResultColumn("arm", ColumnKind.Label, "Arm"), 1));
    }
}
