using Research.Statistics.Design;

namespace Research.Statistics.Tests.Regression;

public sealed class DesignBuilderTests
{
    private static readonly string?[] Arms = ["control", "B", "A", "control", "A"];

    [Fact]
    public void Factors_expand_to_dummies_against_the_reference()
    {
        var design = new DesignBuilder(5).Intercept().Treatment("arm", Arms, reference: "control").FixedEffects("stratum", [3, 1, 2, 3, 1]).Build();

        Assert.Equal(["(Intercept)", "arm[A]", "arm[B]", "stratum[2]", "stratum[3]"], design.Names);
        Assert.Equal([0, 0, 1, 0, 1], design.Column("arm[A]").ToArray());
        Assert.Equal([0, 1, 0, 0, 0], design.Column("arm[B]").ToArray());
        Assert.Equal([1, 0, 0, 1, 0], design.Column("stratum[3]").ToArray());
        var arm = design.Term("arm");
        Assert.Equal(TermKind.Treatment, arm.Kind);
        Assert.Equal("control", arm.Reference);
        Assert.Equal([1, 2], arm.Columns);
        Assert.Equal("1", design.Term("stratum").Reference);
    }

    [Fact]
    public void Given_levels_fix_the_order()
    {
        var design = new DesignBuilder(5).Categorical("arm", Arms, reference: "control", levels: ["control", "B", "A"]).Build();
        Assert.Equal(["arm[B]", "arm[A]"], design.Names);
    }

    [Fact]
    public void Missing_label_becomes_NaN_in_every_dummy()
    {
        var design = new DesignBuilder(3).Categorical("edu", ["low", null, "high"], reference: "low").Build();
        Assert.True(double.IsNaN(design.Column("edu[high]")[1]));
    }

    [Fact]
    public void Bad_inputs_name_the_problem()
    {
        Assert.Contains("'age' has 2 values but the design has 5 rows", Assert.Throws<ArgumentException>(() => new DesignBuilder(5).Numeric("age", [1, 2])).Message, StringComparison.Ordinal);
        Assert.Contains("Reference level 'ctrl'", Assert.Throws<ArgumentException>(() => new DesignBuilder(5).Treatment("arm", Arms, reference: "ctrl")).Message, StringComparison.Ordinal);
        Assert.Contains("value 'B' that is not among the given levels", Assert.Throws<ArgumentException>(() => new DesignBuilder(5).Treatment("arm", Arms, "control", ["control", "A"])).Message, StringComparison.Ordinal);
        Assert.Contains("infinite value at row 1", Assert.Throws<ArgumentException>(() => new DesignBuilder(2).Numeric("x", [1, double.PositiveInfinity])).Message, StringComparison.Ordinal);
        Assert.Contains("already has a term named 'x'", Assert.Throws<ArgumentException>(() => new DesignBuilder(2).Numeric("x", [1, 2]).Numeric("x", [1, 2])).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new DesignBuilder(2).Build());
    }

    [Fact]
    public void Concat_shifts_the_column_indices_of_the_appended_terms()
    {
        var left = new DesignBuilder(5).Intercept().Build();
        var right = new DesignBuilder(5).Treatment("arm", Arms, reference: "control").Build();
        var both = left.Concat(right);
        Assert.Equal([1, 2], both.Term("arm").Columns);
        Assert.Throws<ArgumentException>(() => both.Concat(right));
    }
}
