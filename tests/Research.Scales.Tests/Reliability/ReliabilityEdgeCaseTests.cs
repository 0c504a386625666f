using Research.Scales.Reliability;
using Research.Scales.Responses;
using Research.Scales.Tests.Instruments;

namespace Research.Scales.Tests.Reliability;

public class ReliabilityEdgeCaseTests
{
    [Fact]
    public void Hand_worked_three_items_with_equal_correlations()
    {
        // instruments.md §15.1: r = .5 everywhere → std.alpha .75, average_r .5, S/N 3, G6 2/3, ω = .75
        // Exact data with r = .5: columns built from a common factor with equal weights on a balanced design.
        double[] f = [1, 1, 1, 1, -1, -1, -1, -1];
        double[] e1 = [1, -1, 1, -1, 1, -1, 1, -1];
        double[] e2 = [1, 1, -1, -1, 1, 1, -1, -1];
        double[] e3 = [1, -1, -1, 1, -1, 1, 1, -1];
        double[] Item(double[] e) => f.Zip(e, (a, b) => a + b).ToArray();
        var result = ReliabilityAnalysis.Analyze(["x", "y", "z"], [Item(e1), Item(e2), Item(e3)]);
        Assert.Equal(0.75, result.Alpha.StandardizedAlpha, 12);
        Assert.Equal(0.75, result.Alpha.RawAlpha, 12);
        Assert.Equal(0.5, result.Alpha.AverageR, 12);
        Assert.Equal(3.0, result.Alpha.SignalToNoise, 12);
        Assert.Equal(2.0 / 3, result.Alpha.Lambda6, 12);
        Assert.Equal(0.75, result.Omega!.OmegaTotal, 10);
        Assert.All(result.Omega.Model.Loadings, l => Assert.Equal(Math.Sqrt(0.5), l, 10));
    }

    [Fact]
    public void Constant_item_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ReliabilityAnalysis.Analyze(["a", "b", "c"], [[1, 2, 3, 4], [2, 2, 2, 2], [1, 3, 2, 4]]));
        Assert.Contains("Item b has zero variance (every answer is 2)", e.Message);
    }

    [Fact]
    public void Single_item_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ReliabilityAnalysis.Analyze(["a"], [[1, 2, 3]]));
        Assert.Contains("at least 2 items", e.Message);
    }

    [Fact]
    public void Linearly_dependent_items_are_reported()
    {
        double[] a = [1, 2, 3, 4, 5, 2, 3];
        double[] b = [2, 1, 4, 3, 5, 3, 1];
        var c = a.Zip(b, (x, y) => x + y).ToArray();
        var e = Assert.Throws<InvalidOperationException>(() => ReliabilityAnalysis.Analyze(["a", "b", "c"], [a, b, c]));
        Assert.Contains("not positive definite", e.Message);
    }

    [Fact]
    public void Pairs_never_answered_together_are_named()
    {
        var nan = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => ReliabilityAnalysis.Analyze(
            ["a", "b", "c"],
            [[1, 2, 3, nan, nan, nan], [nan, nan, nan, 1, 2, 3], [1, 2, 3, 3, 1, 2]]));
        Assert.Contains("Items a and b are both answered in only 0 row(s)", e.Message);
    }

    [Fact]
    public void Heywood_case_is_reported()
    {
        // x1 and x2 almost identical, x3 weakly related: the one-factor solution needs a communality above 1
        double[] x1 = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] x2 = [1.01, 2, 3, 4.02, 5, 6, 7.01, 8];
        double[] x3 = [2, 1, 4, 3, 6, 5, 8, 7];
        var e = Assert.Throws<InvalidOperationException>(() => ReliabilityAnalysis.Analyze(["x1", "x2", "x3"], [x1, x2, x3]));
        Assert.Contains("Heywood", e.Message);
    }

    [Fact]
    public void Instrument_items_are_analysed_after_keying()
    {
        // Pearlin: reversed items answered in the opposite direction must correlate positively after keying.
        var mastery = ShippedInstruments.Get("pearlin_mastery");
        var rng = new Random(7);
        var rows = 200;
        var table = new ItemResponseTable(rows);
        var latent = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        foreach (var item in mastery.Items)
        {
            table.Add(item.Column, latent.Select(l =>
            {
                var answer = (int)Math.Clamp(Math.Round(3 + l + rng.NextDouble() - 0.5), 1, 5);
                return (int?)(item.Reverse ? 6 - answer : answer);
            }).ToArray());
        }

        var result = ReliabilityAnalysis.Analyze(mastery, "total", table);
        Assert.Equal(7, result.Items.Count);
        Assert.True(result.Alpha.RawAlpha > 0.8, $"alpha {result.Alpha.RawAlpha}");
        Assert.All(result.ItemStatistics, s => Assert.True(s.ItemRestR > 0.5));
    }

    [Fact]
    public void Every_multi_item_score_is_analysed_including_subscales()
    {
        var djg11 = ShippedInstruments.Get("djg11");
        var rng = new Random(11);
        var rows = 300;
        var latent = Enumerable.Range(0, rows).Select(_ => rng.NextDouble()).ToArray();
        var table = new ItemResponseTable(rows);
        foreach (var item in djg11.Items)
        {
            var emotional = item.Subscales.Contains("emotional");
            table.Add(item.Column, latent.Select(l =>
            {
                var lonely = rng.NextDouble() < 0.2 + 0.6 * l;
                return (int?)(lonely ? (emotional ? 3 : 1) : (emotional ? 1 : 3));
            }).ToArray());
        }

        var all = ReliabilityAnalysis.AnalyzeAll(djg11, table);
        Assert.Equal(["total", "emotional", "social"], all.Keys);
        Assert.Equal(6, all["emotional"].Items.Count);
        Assert.Equal(5, all["social"].Items.Count);
        Assert.Equal(11, all["total"].Items.Count);
    }
}
