using System.Globalization;
using Research.Analysis.Outcomes;
using Research.Statistics.Randomisation;
using Research.Statistics.Survival;

namespace Research.Analysis.Inference;

/// <summary>
/// Time to first outflow, each treatment arm against control, tested the way the inference method treats the
/// caseworkers, so survival is read like the ITT: CR2 and the wild bootstrap cluster by caseworker, with the
/// cluster-robust score (log-rank type) test of Lin &amp; Wei (1989) by caseworker; HC2 treats persons as independent,
/// with the same robust test and every person its own cluster; randomisation inference re-randomises the arm and
/// control within strata and refers the log-rank χ² to its randomisation distribution.
/// </summary>
public static class SurvivalComparison
{
    /// <summary>Tests every treatment arm against control.</summary>
    /// <param name="population">The municipality's persons.</param>
    /// <param name="times">Time to the event for every panel person (<see cref="OutcomePanel.TimeToFirst"/>).</param>
    /// <param name="options">The inference method, draws and seed.</param>
    /// <exception cref="ArgumentException">Times for another panel, or a comparison the data do not allow (e.g. one caseworker).</exception>
    public static IReadOnlyList<ArmSurvivalTest> Compare(EffectPopulation population, TimeToEvent times, EffectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(times);
        options ??= EffectOptions.Default;
        options.Validate();
        if (population.Persons.Max() >= times.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{times.Description}: {times.Count} persons, but the population refers to panel person {population.Persons.Max()}."), nameof(times));
        }

        var months = times.Months.ToArray();
        var events = times.Events.ToArray();
        var control = population.Experiment.Control;
        return population.Experiment.TreatmentArms.Select((arm, index) =>
        {
            var rows = Enumerable.Range(0, population.Persons.Count).Where(k => population.Arms[k] == arm || population.Arms[k] == control).ToList();
            var t = rows.Select(k => (double)months[population.Persons[k]]).ToArray();
            var d = rows.Select(k => events[population.Persons[k]]).ToArray();
            var groups = rows.Select(k => population.Arms[k] == arm ? "1_" + arm.Code : "0_" + control.Code).ToArray();
            var score = LogRankTest.Compute(t, d, groups).Groups.Single(g => g.Group == groups.First(x => x[0] == '1'));
            var observedMinusExpected = score.Observed - score.Expected;
            if (options.Method == InferenceMethod.Randomisation)
            {
                var assignment = groups.Select(g => g[0] == '1' ? 1 : 0).ToArray();
                var strata = rows.Select(k => population.Covariates.Stratum[k]).ToArray();
                var result = RandomisationTest.ArmVersusControl(assignment, 1, 0, z => LogRankTest.Compute(t, d, z.Select(a => a == 1 ? "1" : "0").ToArray()).ChiSquare,
                    new RandomisationOptions(Seed: options.Seed + index, Draws: options.RandomisationDraws, Strata: strata.Distinct(StringComparer.Ordinal).Count() > 1 ? strata : null));
                return new ArmSurvivalTest(arm, options.Method, observedMinusExpected, result.Observed, result.PValue, []);
            }

            var clusters = options.Method is InferenceMethod.Cr2 or InferenceMethod.WildClusterBootstrap
                ? rows.Select(k => population.Caseworkers[k]).ToArray()
                : rows.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
            var robust = ClusteredLogRankTest.Compute(t, d, groups, clusters);
            return new ArmSurvivalTest(arm, options.Method, observedMinusExpected, robust.ChiSquare, robust.PValue, robust.Notes);
        }).ToList();
    }
}
