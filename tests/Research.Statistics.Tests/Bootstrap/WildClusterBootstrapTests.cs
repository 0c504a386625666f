using Research.Statistics.Adjustment;
using Research.Statistics.Bootstrap;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Bootstrap;

/// <summary>
/// The fast restricted wild cluster bootstrap against a deliberately slow reference that refits the model for every
/// draw (same weight vectors), and by its invariances: enumeration ignores the seed, p = 1 at the estimate, the
/// interval limits are where p crosses α, and results move with affine changes of the outcome.
/// </summary>
public sealed class WildClusterBootstrapTests
{
    [Theory]
    [InlineData(WildWeights.Rademacher, 999, 0.0)]   // 2^8 = 256 ≤ 999: enumerated
    [InlineData(WildWeights.Webb, 300, 0.0)]          // random draws
    [InlineData(WildWeights.Webb, 300, 0.35)]         // a null away from zero
    public void Matches_a_slow_refit_per_draw(WildWeights weights, int draws, double nullValue)
    {
        var data = Data.Simulate(clusters: 8, seed: 11);
        var design = data.Design();
        var options = new WildBootstrapOptions(Seed: 5, Draws: draws, Weights: weights, NullValue: nullValue);

        var fast = WildClusterBootstrap.Test(data.Y, design, data.Clusters, "arm[T]", options);
        var slow = SlowReference(data, design, "arm[T]", nullValue, new WildWeightDraws(weights, 8, draws, 5));

        Assert.Equal(weights == WildWeights.Rademacher, fast.Enumerated);
        AssertClose.Equal(slow.Statistic, fast.Statistic, 1e-10, 1e-12, "t");
        AssertClose.Equal(slow.Draws, fast.Distribution(nullValue), 1e-8, 1e-10, "t*");
        Assert.Equal(slow.SymmetricP, fast.SymmetricPValue);
        Assert.Equal(slow.EqualTailedP, fast.EqualTailedPValue);
    }

    [Fact]
    public void Lin_adjusted_design_with_strata_matches_the_slow_reference()
    {
        var data = Data.Simulate(clusters: 10, seed: 3);
        var covariates = new DesignBuilder(data.Y.Length).Numeric("x", data.X).Categorical("stratum", data.Strata, "s0").Build();
        var lin = LinAdjustment.Design(data.Y, data.Arms, "control", covariates);
        var options = new WildBootstrapOptions(Seed: 9, Draws: 400, Weights: WildWeights.Webb, NullValue: -0.1);

        var fast = WildClusterBootstrap.Test(lin.Outcome, lin.Matrix, lin.Take(data.Clusters), "arm[T]", options);
        var slow = SlowReference(data with { Y = [.. lin.Outcome] }, lin.Matrix, "arm[T]", -0.1, new WildWeightDraws(WildWeights.Webb, 10, 400, 9));

        AssertClose.Equal(slow.Draws, fast.Distribution(-0.1), 1e-8, 1e-10, "t*");
        Assert.Equal(slow.SymmetricP, fast.SymmetricPValue);
    }

    [Fact]
    public void Standard_error_is_the_CR1_standard_error()
    {
        var data = Data.Simulate(clusters: 9, seed: 4);
        var fit = LinearModel.Fit(data.Y, data.Design(), VarianceEstimator.CR1(data.Clusters));

        var wcr = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]", new WildBootstrapOptions(Seed: 1, Draws: 99));

        AssertClose.Equal(fit["arm[T]"].Estimate, wcr.Estimate, 1e-12, 1e-14, "estimate");
        AssertClose.Equal(fit["arm[T]"].StandardError, wcr.StandardError, 1e-10, 1e-14, "SE");
    }

    [Fact]
    public void Full_enumeration_does_not_depend_on_the_seed()
    {
        var data = Data.Simulate(clusters: 7, seed: 8);
        var a = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]", new WildBootstrapOptions(Seed: 1, Draws: 200));
        var b = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]", new WildBootstrapOptions(Seed: 2, Draws: 500));

        Assert.True(a.Enumerated && b.Enumerated);
        Assert.Equal(128, a.DrawCount);
        Assert.Equal(a.SymmetricPValue, b.SymmetricPValue);
        Assert.Equal(a.ConfidenceInterval, b.ConfidenceInterval);
        var r1 = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]", new WildBootstrapOptions(Seed: 1, Draws: 100, Weights: WildWeights.Webb));
        var r2 = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]", new WildBootstrapOptions(Seed: 2, Draws: 100, Weights: WildWeights.Webb));
        Assert.NotEqual(r1.Distribution(0), r2.Distribution(0));
    }

    [Theory]
    [InlineData(BootstrapPValue.Symmetric)]
    [InlineData(BootstrapPValue.EqualTailed)]
    public void Interval_limits_are_where_the_p_value_crosses_alpha(BootstrapPValue type)
    {
        var data = Data.Simulate(clusters: 12, seed: 21);
        var wcr = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]",
            new WildBootstrapOptions(Seed: 3, Draws: 1999, Weights: WildWeights.Webb, IntervalPValue: type, ConfidenceLevel: 0.9));
        var (lower, upper) = (wcr.ConfidenceInterval.Lower, wcr.ConfidenceInterval.Upper);
        var delta = 1e-7 * wcr.StandardError;

        Assert.True(lower < wcr.Estimate && wcr.Estimate < upper);
        Assert.Equal(1.0, wcr.PValue(wcr.Estimate, BootstrapPValue.Symmetric));
        Assert.True(wcr.PValue(lower + delta, type) > 0.1);
        Assert.True(wcr.PValue(lower - delta, type) <= 0.1);
        Assert.True(wcr.PValue(upper - delta, type) > 0.1);
        Assert.True(wcr.PValue(upper + delta, type) <= 0.1);
        Assert.Equal(wcr.PValue(0, type), type == BootstrapPValue.Symmetric ? wcr.SymmetricPValue : wcr.EqualTailedPValue);
    }

    [Fact]
    public void Rescaling_and_shifting_the_outcome_moves_the_interval_with_it()
    {
        var data = Data.Simulate(clusters: 11, seed: 17);
        var design = data.Design();
        var shift = new[] { 0.7, -1.3, 0.25 };   // γ for (Intercept), arm[T], x
        var y2 = data.Y.Select((v, i) => (3.5 * v) + shift[0] + (shift[1] * design.Column(1)[i]) + (shift[2] * design.Column(2)[i])).ToArray();
        var options = new WildBootstrapOptions(Seed: 4, Draws: 999, Weights: WildWeights.Webb);

        var a = WildClusterBootstrap.Test(data.Y, design, data.Clusters, "arm[T]", options);
        var b = WildClusterBootstrap.Test(y2, design, data.Clusters, "arm[T]", options);

        foreach (var r in new[] { -0.4, 0.0, 0.2, 0.5 })
        {
            Assert.Equal(a.PValue(r), b.PValue((3.5 * r) + shift[1]));
            Assert.Equal(a.PValue(r, BootstrapPValue.EqualTailed), b.PValue((3.5 * r) + shift[1], BootstrapPValue.EqualTailed));
        }

        AssertClose.Equal((3.5 * a.ConfidenceInterval.Lower) + shift[1], b.ConfidenceInterval.Lower, 1e-9, 1e-12, "lower");
        AssertClose.Equal((3.5 * a.ConfidenceInterval.Upper) + shift[1], b.ConfidenceInterval.Upper, 1e-9, 1e-12, "upper");
    }

    [Fact]
    public void Few_clusters_with_Rademacher_weights_get_a_note_and_one_cluster_is_an_error()
    {
        var data = Data.Simulate(clusters: 6, seed: 2);
        var wcr = WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[T]", new WildBootstrapOptions(Seed: 1));

        Assert.Contains(wcr.Notes, n => n.Contains("Webb weights are recommended", StringComparison.Ordinal));
        Assert.Throws<DegenerateModelException>(() =>
            WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters.Select(_ => "one").ToArray(), "arm[T]", new WildBootstrapOptions(Seed: 1)));
        Assert.Throws<ArgumentException>(() => WildClusterBootstrap.Test(data.Y, data.Design(), data.Clusters, "arm[X]", new WildBootstrapOptions(Seed: 1)));
    }

    private sealed record SlowResult(double Statistic, double[] Draws, double SymmetricP, double EqualTailedP);

    /// <summary>Refits restricted and bootstrap models with LinearModel (CR1) for every draw: O(B·n·k²).</summary>
    private static SlowResult SlowReference(Data data, DesignMatrix design, string coefficient, double nullValue, WildWeightDraws draws)
    {
        var j = design.IndexOf(coefficient);
        var fit = LinearModel.Fit(data.Y, design, VarianceEstimator.CR1(data.Clusters));
        var t = (fit[coefficient].Estimate - nullValue) / fit[coefficient].StandardError;

        // Restricted fit: y − x_j r on the other columns.
        var n = data.Y.Length;
        var others = new DesignBuilder(n);
        for (var l = 0; l < design.ColumnCount; l++)
        {
            if (l != j)
            {
                _ = design.Names[l] == "(Intercept)" ? others.Intercept() : others.Numeric(design.Names[l], design.Column(l).ToArray());
            }
        }

        var xj = design.Column(j).ToArray();
        var restricted = LinearModel.Fit(data.Y.Select((v, i) => v - (nullValue * xj[i])).ToArray(), others.Build(), VarianceEstimator.HC0);
        var fittedRestricted = data.Y.Select((v, i) => v - restricted.Residuals[i]).ToArray(); // X β̃ with β̃_j = r
        var code = ClusterCodes(data.Clusters);
        var stats = new List<double>();
        foreach (var v in draws.Vectors())
        {
            var yStar = fittedRestricted.Select((f, i) => f + (restricted.Residuals[i] * v[code[i]])).ToArray();
            var star = LinearModel.Fit(yStar, design, VarianceEstimator.CR1(data.Clusters))[coefficient];
            stats.Add((star.Estimate - nullValue) / star.StandardError);
        }

        var margin = 1.4901161193847656e-8 * Math.Max(1, Math.Abs(t));
        var b = (double)stats.Count;
        var symmetric = stats.Count(s => Math.Abs(s) >= Math.Abs(t) - margin) / b;
        var equal = Math.Min(1, 2 * Math.Min(stats.Count(s => s <= t + margin), stats.Count(s => s >= t - margin)) / b);
        return new SlowResult(t, [.. stats], symmetric, equal);
    }

    private static int[] ClusterCodes(string[] clusters)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return clusters.Select(c => seen.TryGetValue(c, out var k) ? k : seen[c] = seen.Count).ToArray();
    }

    /// <summary>A cluster-randomised-like dataset: arm constant within most clusters, cluster effects, a covariate, strata.</summary>
    private sealed record Data(double[] Y, string[] Arms, double[] X, string[] Strata, string[] Clusters)
    {
        public static Data Simulate(int clusters, int seed)
        {
            var random = new Random(seed);
            var rows = new List<(double Y, string Arm, double X, string Stratum, string Cluster)>();
            for (var c = 0; c < clusters; c++)
            {
                var effect = random.NextDouble() - 0.5;
                var size = 8 + random.Next(12);
                for (var i = 0; i < size; i++)
                {
                    var arm = (c % 2 == 0) == (i % 5 != 0) ? "T" : "control";
                    var x = (random.NextDouble() * 4) - 2;
                    var e = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    rows.Add((1 + (0.3 * (arm == "T" ? 1 : 0)) + (0.5 * x) + effect + (e * (1 + (0.5 * Math.Abs(x)))), arm, x, "s" + (i % 3), "k" + c));
                }
            }

            return new Data([.. rows.Select(r => r.Y)], [.. rows.Select(r => r.Arm)], [.. rows.Select(r => r.X)], [.. rows.Select(r => r.Stratum)], [.. rows.Select(r => r.Cluster)]);
        }

        public DesignMatrix Design() => new DesignBuilder(Y.Length).Intercept().Treatment("arm", Arms, "control").Numeric("x", X).Build();
    }
}
