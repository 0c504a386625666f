using Research.Analysis.Inference;
using Research.Data.Design;
using Research.Scales.Instruments;
using Research.Statistics.MetaAnalysis;
using Research.Statistics.Multiplicity;
using Research.Statistics.Regression;
using Research.Synthetic;
using Research.Synthetic.Calibration;

namespace Research.Simulation;

/// <summary>One replication of one world: every site's effects under every method, its primary family and its wellbeing index.</summary>
internal static class Replication
{
    public static (List<EffectDraw> Effects, List<FamilyDraw> Families, List<WellbeingDraw> Wellbeing, List<string> Failures) Run(
        int replication, World world, StudyOptions options, SyntheticCalibration calibration)
    {
        var effects = new List<EffectDraw>();
        var families = new List<FamilyDraw>();
        var wellbeing = new List<WellbeingDraw>();
        var failures = new List<string>();
        var model = world == World.NoEffects ? calibration.WithoutEffects() : calibration;
        var seed = new SyntheticOptions { Seed = options.Seed + (ulong)replication };
        var sites = new SyntheticExtractGenerator(ExperimentCatalog.Canonical, BundledInstruments.Catalog, model).Sites(seed);

        // The same persons and registers with everyone answering the survey (the same random streams): what the
        // wellbeing estimates would be without attrition.
        var everyoneAnswers = world == World.PlantedEffects && options.Wellbeing
            ? new SyntheticExtractGenerator(ExperimentCatalog.Canonical, BundledInstruments.Catalog, EveryoneResponds(model)).Sites(seed)
            : null;
        foreach (var site in sites.Where(s => options.Sites is null || options.Sites.Contains(s.Experiment.Municipality)))
        {
            var simulated = SimulatedSite.Create(site, ExperimentCatalog.Canonical);
            var experiment = site.Experiment;
            foreach (var outcome in options.Outcomes)
            {
                var data = simulated.PrimaryOutcome(outcome);
                var truths = experiment.TreatmentArms.ToDictionary(a => a, a => world == World.NoEffects ? 0.0 : PlantedItt.At(site, a, outcome));
                var results = Try(() => EffectEstimator.Compare(data, options.Estimator, options.Methods), failures);
                for (var m = 0; m < options.Methods.Count; m++)
                {
                    var method = options.Methods[m];
                    var rules = method == InferenceMethod.Cr2 ? [IntervalRule.Method, IntervalRule.AtLeastRobust] : new[] { IntervalRule.Method };
                    foreach (var rule in rules)
                    {
                        var result = results?[m];
                        var pValues = new List<double>();
                        foreach (var arm in experiment.TreatmentArms)
                        {
                            var e = result is null ? null : Read(result[arm], rule);
                            pValues.Add(e?.PValue ?? 1.0);
                            effects.Add(new EffectDraw(replication, world, experiment, arm, outcome, method, rule, truths[arm], e?.Estimate ?? double.NaN,
                                e?.ConfidenceInterval ?? new Interval(double.NaN, double.NaN), e?.PValue ?? 1.0, e is null));
                        }

                        if (outcome == options.Outcomes[0])
                        {
                            var holm = PValueAdjustment.Holm(pValues);
                            families.Add(new FamilyDraw(replication, world, experiment, method, rule, result is not null && holm.Any(p => p <= 0.05), result is null));
                        }
                    }
                }
            }

            if (options.Wellbeing)
            {
                wellbeing.AddRange(Wellbeing(replication, world, simulated, everyoneAnswers?.Single(s => s.Experiment == experiment), options, failures));
            }
        }

        return (effects, families, wellbeing, failures);
    }

    private static IEnumerable<WellbeingDraw> Wellbeing(int replication, World world, SimulatedSite simulated, SyntheticSite? everyoneAnswers, StudyOptions options, List<string> failures)
    {
        var site = simulated.Site;
        var wave = simulated.WellbeingWave();
        var estimator = options.Estimator with { Method = options.WellbeingMethod };
        var (data, rate) = IndexData(simulated, wave, null);
        var attrition = Try(() => AttritionAnalysis.Estimate(data.Value, simulated.OffBenefit(wave.MonthsAfterRandomisation), estimator), failures);
        var full = everyoneAnswers is null ? null : Try(() => EffectEstimator.Itt(IndexData(simulated, wave, everyoneAnswers).Data.Value, estimator), failures);
        return site.Experiment.TreatmentArms.Select(arm => new WellbeingDraw(
            replication, world, site.Experiment, arm, rate, full?[arm].Effect, attrition?.CompleteCase[arm].Effect, attrition?.Weighted[arm].Effect,
            attrition?.Bounds.Single(b => b.Arm == arm).Bounds));
    }

    /// <summary>
    /// The wellbeing index of every respondent of the wave (NaN for the others), computed on first use inside the
    /// failure handling (a draw can leave the index undefined), and the response rate.
    /// </summary>
    private static (Lazy<EffectData> Data, double ResponseRate) IndexData(SimulatedSite simulated, SurveyWave wave, SyntheticSite? answersFrom)
    {
        var (respondents, responses) = simulated.Survey(wave, BundledInstruments.Catalog, answersFrom);
        var population = simulated.Population;
        var data = new Lazy<EffectData>(() =>
        {
            var index = new double[population.Persons.Count];
            Array.Fill(index, double.NaN);
            var values = WellbeingIndex.Compute(BundledInstruments.Catalog, responses, respondents.Select(p => population.Arms[p].IsControl).ToList()).Values;
            for (var i = 0; i < respondents.Count; i++)
            {
                index[respondents[i]] = values[i];
            }

            return population.For("wellbeing index at wave " + wave.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture), index);
        });
        return (data, respondents.Count / (double)population.Persons.Count);
    }

    private static SyntheticCalibration EveryoneResponds(SyntheticCalibration calibration) =>
        calibration with { Wellbeing = calibration.Wellbeing with { ResponseRate = calibration.Wellbeing.ResponseRate.Select(_ => 1.0).ToArray() } };

    /// <summary>The interval a rule reads: the method's, or the HC2 one when the clustered interval is narrower.</summary>
    private static IntervalEstimate Read(Analysis.Inference.ArmEffect effect, IntervalRule rule) =>
        rule == IntervalRule.AtLeastRobust ? effect.Reported : effect.Effect;

    /// <summary>
    /// The result, or null when the data do not allow the model (a degenerate draw, e.g. nobody in an arm reaching a
    /// rare outcome): counted as a failure and its message kept for the report, never hidden.
    /// </summary>
    private static T? Try<T>(Func<T> estimate, List<string> failures)
        where T : class
    {
        try
        {
            return estimate();
        }
        catch (Exception e) when (e is DegenerateModelException or ArgumentException or MathNet.Numerics.NonConvergenceException)
        {
            failures.Add(e.GetType().Name + ": " + e.Message);
            return null;
        }
    }
}
