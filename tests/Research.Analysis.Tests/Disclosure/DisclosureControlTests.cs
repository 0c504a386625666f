using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Disclosure;

public sealed class DisclosureControlTests
{
    private static ResultRow Row(string key, string group, double n, double mean) =>
        new(key, new Dictionary<string, string> { ["group"] = group }, new Dictionary<string, double?> { ["n"] = n, ["mean"] = mean });

    [Fact]
    public void Rows_below_ten_persons_are_withheld_with_a_footnote()
    {
        var table = new ResultTable("t", "T", [Row("a", "g", 9, 0.5), Row("b", "h", 10, 0.4)], []);

        var published = new DisclosureControl().Apply(table);

        Assert.Null(published["a"]["n"]);
        Assert.Null(published["a"]["mean"]);
        Assert.Equal(10, published["b"]["n"]);
        Assert.Contains(published.Footnotes, f => f.Contains("fewer than 10 persons"));
    }

    [Fact]
    public void A_single_withheld_row_in_a_group_takes_the_next_smallest_with_it()
    {
        var table = new ResultTable("t", "T", [Row("a", "g", 4, 0.5), Row("b", "g", 30, 0.4), Row("c", "g", 12, 0.3), Row("d", "h", 50, 0.2)], []);

        var published = new DisclosureControl().Apply(table, r => r.Labels["group"]);

        Assert.Null(published["a"]["n"]);
        Assert.Null(published["c"]["n"]);
        Assert.Equal(30, published["b"]["n"]);
        Assert.Equal(50, published["d"]["n"]);
    }

    [Fact]
    public void A_table_without_small_cells_is_unchanged()
    {
        var table = new ResultTable("t", "T", [Row("a", "g", 40, 0.5)], []);

        Assert.Same(table, new DisclosureControl().Apply(table));
    }
}
