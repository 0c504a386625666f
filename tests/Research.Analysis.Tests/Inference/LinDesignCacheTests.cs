using Research.Analysis.Inference;
using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Tests.Inference;

/// <summary>The whole population's designs stay while the designs of its parts come and go within their budget.</summary>
public sealed class LinDesignCacheTests
{
    private const int Population = 200_000;

    // The cache does not look inside its values: one small factored design stands for all of them.
    private static readonly Lazy<FactoredLinDesign> Design = new(() =>
    {
        var n = 20;
        var arms = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "control" : "treated").ToArray();
        var covariates = new DesignBuilder(n).Numeric("x", [.. Enumerable.Range(0, n).Select(i => (double)(i % 7))]).Build();
        return LinAdjustment.Factor(arms, "control", covariates, VarianceEstimator.HC2);
    });

    private static LinDesignKey Key(int first, int count, bool clustered = false) => new([.. Enumerable.Range(first, count)], clustered, 0.95);

    [Fact]
    public void The_whole_populations_designs_are_not_factored_again_after_parts_filled_the_budget()
    {
        var cache = new LinDesignCache(Population);
        var factored = new List<string>();
        FactoredLinDesign Factor(string what)
        {
            factored.Add(what);
            return Design.Value;
        }

        cache.GetOrFactor(Key(0, Population), () => Factor("everyone HC2"));
        cache.GetOrFactor(Key(0, Population, clustered: true), () => Factor("everyone CR2"));

        // Four parts of 150,000 persons: twice the budget, so the earliest are evicted.
        for (var part = 0; part < 4; part++)
        {
            var first = part;
            cache.GetOrFactor(Key(first, 150_000), () => Factor($"part {first}"));
        }

        cache.GetOrFactor(Key(0, Population), () => Factor("everyone HC2 again"));
        cache.GetOrFactor(Key(0, Population, clustered: true), () => Factor("everyone CR2 again"));
        cache.GetOrFactor(Key(3, 150_000), () => Factor("part 3 again"));
        cache.GetOrFactor(Key(0, 150_000), () => Factor("part 0 again"));

        Assert.Equal(["everyone HC2", "everyone CR2", "part 0", "part 1", "part 2", "part 3", "part 0 again"], factored);
    }
}
