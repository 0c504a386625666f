using Research.Analysis.Inference;
using Research.Statistics.Adjustment;
using Research.Statistics.Bootstrap;
using Research.Statistics.Equivalence;
using Research.Statistics.Inference;
using Research.Statistics.Multiplicity;
using Research.Statistics.Randomisation;
using Research.Statistics.Regression;

namespace Research.Analysis.Tests.Inference;

/// <summary>
/// The estimator's methods, flags and conclusions: the resampling methods are the Statistics tests on the same Lin
/// design; a clustered interval narrower than the HC2 one is flagged; the equivalence conclusion is the TOST one; the
/// primary family is Holm's.
/// </summary>
public sealed class EffectEstimatorTests
{
    private static readonly Lazy<EffectData> Groningen = new(() => GroningenFixture.Load("partial_full_outflow"));

    private static EffectOptions Fast(InferenceMethod method) => EffectOptions.Default with { Method = method, BootstrapDraws = 199, RandomisationDraws = 199 };

    [Fact]
    public void Wild_bootstrap_is_the_restricted_bootstrap_of_the_lin_design_by_caseworker()
    {
        var data = Groningen.Value;
        var effects = EffectEstimator.Itt(data, Fast(InferenceMethod.WildClusterBootstrap));
        var design = LinAdjustment.Design(data.Outcome, data.Arms.Select(a => a.Code).ToArray(), "control", data.Covariates.Design(data.Arms),
            new LinOptions { ArmOrder = data.Experiment.TreatmentArms.Select(a => a.Code).ToArray() });

        Assert.Equal(4, effects.Arms.Count);
        for (var k = 0; k < effects.Arms.Count; k++)
        {
            var arm = effects.Arms[k];
            var direct = WildClusterBootstrap.Test(design.Outcome, design.Matrix, design.Take(data.Caseworkers), $"arm[{arm.Arm.Code}]",
                new WildBootstrapOptions(Seed: EffectOptions.Default.Seed + k, Draws: 199, Weights: WildWeights.Webb));
            Assert.Equal(direct.SymmetricPValue, arm.Effect.PValue);
            Assert.Equal(direct.ConfidenceInterval, arm.Effect.ConfidenceInterval);
            Assert.Equal(arm.Robust.Estimate, arm.Effect.Estimate, 12);
            Assert.True(double.IsNaN(arm.Effect.DegreesOfFreedom));
        }
    }

    [Fact]
    public void Randomisation_inference_permutes_each_arm_with_control_within_strata()
    {
        var data = Groningen.Value;
        var effects = EffectEstimator.Itt(data, Fast(InferenceMethod.Randomisation));
        var assignment = data.Arms.Select(a => a.IsControl ? 0 : data.Experiment.TreatmentArms.ToList().IndexOf(a) + 1).ToArray();

        for (var k = 0; k < effects.Arms.Count; k++)
        {
            var arm = effects.Arms[k];
            var direct = RandomisationInterval.ArmVersusControl(data.Outcome, data.Arms.Select(a => a == arm.Arm ? 1.0 : 0.0).ToArray(), data.Covariates.Design(data.Arms),
                assignment, k + 1, 0, new RandomisationOptions(Seed: EffectOptions.Default.Seed + k, Draws: 199, Strata: data.Covariates.Stratum));
            Assert.Equal(direct.PValueAtZero, arm.Effect.PValue);
            Assert.Equal(direct.ConfidenceInterval, arm.Effect.ConfidenceInterval);
            Assert.Equal(arm.Robust.Estimate, arm.Effect.Estimate, 10);
            Assert.False(arm.ClusteredNarrowerThanRobust);
        }
    }

    [Fact]
    public void Compare_gives_what_each_method_gives_alone()
    {
        var data = Groningen.Value;
        InferenceMethod[] methods = [InferenceMethod.Hc2, InferenceMethod.Cr2, InferenceMethod.WildClusterBootstrap, InferenceMethod.Randomisation];

        var together = EffectEstimator.Compare(data, Fast(InferenceMethod.Cr2), methods);

        Assert.Equal(methods.Length, together.Count);
        for (var m = 0; m < methods.Length; m++)
        {
            var alone = EffectEstimator.Itt(data, Fast(methods[m]));
            Assert.Equal(methods[m], together[m].Method);
            Assert.Equal(alone.Arms.Select(a => a.Effect), together[m].Arms.Select(a => a.Effect));
        }
    }

    [Fact]
    public void A_clustered_interval_narrower_than_the_robust_one_is_flagged()
    {
        // Every caseworker's clients have the same mix of outcomes, so the cluster sums of residuals nearly cancel and
        // CR2 is far below HC2: the report must see a flag, not a narrower interval taken at face value.
        var data = Balanced();
        var clustered = EffectEstimator.Itt(data, EffectOptions.Default with { Method = InferenceMethod.Cr2 });
        var robust = EffectEstimator.Itt(data, EffectOptions.Default with { Method = InferenceMethod.Hc2 });

        Assert.All(clustered.Arms, a => Assert.True(a.Effect.Width < a.Robust.Width));
        Assert.All(clustered.Arms, a => Assert.True(a.ClusteredNarrowerThanRobust));
        Assert.All(robust.Arms, a => Assert.False(a.ClusteredNarrowerThanRobust));
        Assert.Equal(robust.Arms.Select(a => a.Effect), clustered.Arms.Select(a => a.Robust));

        // What the report prints is then the HC2 result and its equivalence conclusion, never the narrower one.
        Assert.Equal(robust.Arms.Select(a => a.Effect), clustered.Arms.Select(a => a.Reported));
        Assert.Equal(robust.Arms.Select(a => a.Equivalence.Conclusion), clustered.Arms.Select(a => a.ReportedEquivalence.Conclusion));
    }

    [Fact]
    public void A_clustered_interval_wider_than_the_robust_one_is_reported_as_it_is()
    {
        var effects = EffectEstimator.Itt(Groningen.Value, Fast(InferenceMethod.Cr2));

        var wider = effects.Arms.Where(a => !a.ClusteredNarrowerThanRobust).ToList();
        Assert.NotEmpty(wider);
        Assert.All(wider, a => Assert.Same(a.Effect, a.Reported));
        Assert.All(wider, a => Assert.Same(a.Equivalence, a.ReportedEquivalence));
    }

    [Fact]
    public void Weights_need_a_sandwich_method()
    {
        var data = Groningen.Value with { Weights = Enumerable.Repeat(1.0, Groningen.Value.Count).ToArray() };

        Assert.Throws<ArgumentException>(() => EffectEstimator.Itt(data, Fast(InferenceMethod.WildClusterBootstrap)));
        Assert.Throws<ArgumentException>(() => EffectEstimator.Itt(data, Fast(InferenceMethod.Randomisation)));
        Assert.Equal(EffectEstimator.Itt(Groningen.Value).Arms.Select(a => a.Effect.Estimate), EffectEstimator.Itt(data).Arms.Select(a => a.Effect.Estimate));
    }

    [Fact]
    public void An_arm_nobody_in_is_not_estimable()
    {
        var data = Groningen.Value;
        var rows = Enumerable.Range(0, data.Count).Where(i => data.Arms[i].Code != "extra_hulp").ToList();

        var error = Assert.Throws<DegenerateModelException>(() => EffectEstimator.Itt(data.Take(rows)));
        Assert.Contains("extra_hulp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_conclusion_is_the_equivalence_test_of_the_reported_interval()
    {
        foreach (var method in new[] { InferenceMethod.Hc2, InferenceMethod.Cr2 })
        {
            foreach (var arm in EffectEstimator.Itt(Groningen.Value, EffectOptions.Default with { Method = method, SmallestEffectOfInterest = 0.08 }).Arms)
            {
                var tost = EquivalenceTest.Test(arm.Effect.Estimate, arm.Effect.StandardError, arm.Effect.DegreesOfFreedom, EquivalenceMargin.Symmetric(0.08));
                Assert.Equal(tost.Conclusion, arm.Equivalence.Conclusion);
                Assert.Equal(tost.EquivalenceInterval, arm.Equivalence.EquivalenceInterval);
            }
        }
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(4.5)]
    [InlineData(double.PositiveInfinity)]
    public void Conclusions_from_a_p_value_function_equal_tost_for_a_t_statistic(double df)
    {
        // The resampling methods conclude from p(0) and p(±δ); for a t statistic that must be exactly TOST's verdict,
        // over estimates inside, at and beyond the margin and precisions that do and do not settle it.
        var margin = EquivalenceMargin.Symmetric(0.03);
        var cases = 0;
        foreach (var estimate in new[] { -0.09, -0.05, -0.031, -0.02, -0.004, 0.0, 0.012, 0.025, 0.03, 0.045, 0.07, 0.2 })
        {
            foreach (var se in new[] { 0.002, 0.006, 0.01, 0.02, 0.05 })
            {
                var tost = EquivalenceTest.Test(estimate, se, df, margin);
                var concluded = EquivalenceAssessment.Conclude(r => ReferenceDistribution.TwoSidedP((estimate - r) / se, df), estimate, margin, 0.05);
                Assert.True(tost.Conclusion == concluded, FormattableString.Invariant($"estimate {estimate}, se {se}: TOST {tost.Conclusion}, p-function {concluded}"));
                cases++;
            }
        }

        Assert.Equal(60, cases);
    }

    [Fact]
    public void The_primary_family_is_holm_across_the_arms()
    {
        var effects = EffectEstimator.Itt(Groningen.Value);

        var family = HypothesisFamily.Holm(effects, 0.05);
        var adjusted = PValueAdjustment.Holm(effects.Arms.Select(a => a.Effect.PValue).ToList());

        Assert.Equal(MultiplicityCorrection.Holm, family.Correction);
        Assert.Equal(effects.Arms.Select(a => a.Arm), family.Decisions.Select(d => d.Arm));
        Assert.Equal(adjusted, family.Decisions.Select(d => d.AdjustedPValue));
        Assert.All(family.Decisions, d => Assert.Equal(d.AdjustedPValue <= 0.05, d.Rejected));
        Assert.Equal(family.Decisions.Any(d => d.Rejected), family.AnyRejected);
    }

    /// <summary>Nijmegen's three arms, four caseworkers each with ten clients, three of whom reach the outcome in every caseworker's caseload.</summary>
    private static EffectData Balanced()
    {
        var experiment = Research.Data.Design.ExperimentCatalog.Canonical["nijmegen"];
        var arms = experiment.Arms.SelectMany(a => Enumerable.Repeat(a, 40)).ToArray();
        var n = arms.Length;
        var caseworkers = Enumerable.Range(0, n).Select(i => $"NIJ-{i / 10:D3}").ToArray();
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(11);

        // A little idiosyncratic noise keeps the cluster sums from cancelling exactly: CR2 is then far below HC2 but
        // not zero (an exactly cancelling design has a CR2 variance of zero, which only rounding makes look positive).
        var outcome = Enumerable.Range(0, n).Select(i => (i % 10 < 3 + (arms[i].IsControl ? 0 : 1) ? 1.0 : 0.0) + (0.05 * random.NextDouble())).ToArray();
        var covariates = new PrognosticCovariates(
            Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.2 ? 1.0 / 3 : 0.0).ToArray(),
            Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3 ? 5000 * random.NextDouble() : 0.0).ToArray(),
            Enumerable.Range(0, n).Select(_ => Math.Round(100 * random.NextDouble())).ToArray(),
            Enumerable.Range(0, n).Select(_ => Math.Round(25 + (35 * random.NextDouble()))).ToArray(),
            Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "female" : "male").ToArray(),
            Enumerable.Range(0, n).Select(i => i % 5 == 0 ? null : i % 3 == 0 ? "low" : "middle").ToArray(),
            Enumerable.Range(0, n).Select(i => i % 4 == 0 ? "western" : "dutch").ToArray(),
            Enumerable.Repeat("all", n).ToArray());
        return new EffectData
        {
            Experiment = experiment,
            OutcomeName = "balanced",
            Outcome = outcome,
            Arms = arms,
            Caseworkers = caseworkers,
            TookUp = arms.Select(a => !a.IsControl).ToArray(),
            Covariates = covariates,
        };
    }
}
