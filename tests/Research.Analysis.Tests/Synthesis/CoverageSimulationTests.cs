using System.Globalization;
using Research.Analysis.Synthesis;
using Xunit.Abstractions;

namespace Research.Analysis.Tests.Synthesis;

/// <summary>
/// Do the municipal 95% intervals (CR2 by caseworker, never narrower than HC2) cover the planted ITT at least 95% of the
/// time, within Monte-Carlo error? The rule is conservative by design (docs/inference.md: 97–98% in Groningen in the
/// coverage-and-size study), so only under-coverage fails. Forty synthetic Groningen experiments (scale 1: 890
/// participants, four treatment arms), every arm × outcome at the primary horizon.
/// </summary>
public sealed class CoverageSimulationTests(ITestOutputHelper output)
{
    private const int Seeds = 40;
    private const string Municipality = "groningen";

    [Fact]
    public void Intervals_for_the_primary_itt_cover_the_planted_effect_about_95_percent_of_the_time()
    {
        var perSeed = new (int Covered, int Total)[Seeds];
        Parallel.For(0, Seeds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            using var sites = SyntheticSites.Generate((ulong)(1000 + i), 1.0, Municipality);
            var truth = PlantedEffects.TryLoad(sites.Directory)!;
            var synthesis = SynthesisAnalysis.Run(SiteResults.Estimates(sites.Results), sites.Extract.Experiments, truth);
            var covered = SynthesisTables.Sites(synthesis).Rows
                .Where(r => r.Labels["primary"] == "yes")
                .Select(r => r["covered"] ?? throw new InvalidOperationException($"seed {1000 + i}: {r.Key} has no coverage (withheld or no truth)"))
                .ToList();
            perSeed[i] = (covered.Count(c => c == 1), covered.Count);
        });

        var total = perSeed.Sum(s => s.Total);
        var coverage = (double)perSeed.Sum(s => s.Covered) / total;
        // Estimates of one seed share the control arm and caseworkers, so seeds are the independent units: the standard
        // error is the larger of the binomial one and the one from the spread of per-seed coverage.
        var binomial = Math.Sqrt(0.95 * 0.05 / total);
        var shares = perSeed.Select(s => (double)s.Covered / s.Total).ToArray();
        var clustered = Math.Sqrt(shares.Sum(s => (s - coverage) * (s - coverage)) / (Seeds * (Seeds - 1.0)));
        var tolerance = 3 * Math.Max(binomial, clustered);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coverage {perSeed.Sum(s => s.Covered)}/{total} = {coverage:0.0000}; binomial SE {binomial:0.0000}, seed-clustered SE {clustered:0.0000}; accepted at least 0.95 - {tolerance:0.0000}"));

        Assert.Equal(Seeds * 12, total);
        Assert.True(coverage >= 0.95 - tolerance, string.Create(CultureInfo.InvariantCulture, $"coverage {coverage:0.0000} is below 0.95 - {tolerance:0.0000}"));
    }
}
