using Research.Analysis.Inference;
using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Statistics.Survival;
using Research.Synthetic;

namespace Research.Simulation.Tests;

/// <summary>Survival is tested the way the inference method treats caseworkers: by caseworker for CR2, per person for HC2, by re-randomisation for RI.</summary>
public sealed class SurvivalComparisonTests
{
    private static readonly Lazy<SimulatedSite> Utrecht = new(() =>
        SimulatedSite.Create(new SyntheticExtractGenerator().Sites(new SyntheticOptions { Seed = 3 }).Single(s => s.Experiment.Municipality == "utrecht"), ExperimentCatalog.Canonical));

    [Fact]
    public void Each_method_uses_its_survival_counterpart()
    {
        var site = Utrecht.Value;
        var times = site.Panel.TimeToFirst(Outcome.FullOutflow, 24);
        var population = site.Population;

        var clustered = SurvivalComparison.Compare(population, times, EffectOptions.Default with { Method = InferenceMethod.Cr2 });
        var robust = SurvivalComparison.Compare(population, times, EffectOptions.Default with { Method = InferenceMethod.Hc2 });
        var randomised = SurvivalComparison.Compare(population, times, EffectOptions.Default with { Method = InferenceMethod.Randomisation, RandomisationDraws = 199 });

        Assert.Equal(3, clustered.Count);
        for (var a = 0; a < clustered.Count; a++)
        {
            var arm = clustered[a].Arm;
            var rows = Enumerable.Range(0, population.Persons.Count).Where(k => population.Arms[k] == arm || population.Arms[k].IsControl).ToList();
            var t = rows.Select(k => (double)times.Months[population.Persons[k]]).ToArray();
            var d = rows.Select(k => times.Events[population.Persons[k]]).ToArray();
            var groups = rows.Select(k => population.Arms[k].IsControl ? "a" : "b").ToArray();
            var byCaseworker = ClusteredLogRankTest.Compute(t, d, groups, rows.Select(k => population.Caseworkers[k]).ToArray());
            var byPerson = ClusteredLogRankTest.Compute(t, d, groups, rows.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());

            Assert.Equal(byCaseworker.ChiSquare, clustered[a].ChiSquare, 10);
            Assert.Equal(byPerson.ChiSquare, robust[a].ChiSquare, 10);
            Assert.Equal(byCaseworker.Unadjusted.ChiSquare, randomised[a].ChiSquare, 10);
            Assert.Equal(byCaseworker.Score[0], clustered[a].ObservedMinusExpected, 10);
            Assert.InRange(randomised[a].PValue, 1.0 / 200, 1.0);
        }
    }
}
