using Research.Data.Design;
using Research.Statistics.Adjustment;
using Research.Statistics.Bootstrap;
using Research.Statistics.Equivalence;
using Research.Statistics.Inference;
using Research.Statistics.MetaAnalysis;
using Research.Statistics.Randomisation;
using Research.Statistics.Regression;

namespace Research.Analysis.Inference;

/// <summary>
/// The one effect estimator of the reports and the coverage-and-size study: every treatment arm against control on one
/// outcome, Lin (2013) adjusted with the pre-specified prognostic covariates (<see cref="PrognosticCovariates"/>), with
/// the inference method of <see cref="EffectOptions.Method"/>, the HC2 result beside it (and a flag when a clustered
/// interval is narrower), the unadjusted estimate as a robustness result, and the equivalence conclusion against the
/// smallest effect of policy interest.
/// </summary>
/// <example>
/// <code>
/// var effects = EffectEstimator.Itt(population.For(panel.At(Outcome.FullOutflow, 24, Coverage.ExcludeUncovered)), EffectOptions.Default);
/// var family = HypothesisFamily.Holm(effects);
/// foreach (var arm in effects.Arms) { /* arm.Effect, arm.Equivalence.Conclusion, arm.ClusteredNarrowerThanRobust */ }
/// </code>
/// </example>
public static class EffectEstimator
{
    /// <summary>The intention-to-treat effect of every treatment arm.</summary>
    /// <exception cref="DegenerateModelException">An arm with fewer than two observed persons, or a model that cannot be estimated (all listed in the message).</exception>
    /// <exception cref="ArgumentException">Weights with a resampling method.</exception>
    public static ArmEffects Itt(EffectData data, EffectOptions? options = null)
    {
        options ??= EffectOptions.Default;
        return Compare(data, options, [options.Method])[0];
    }

    /// <summary>
    /// The intention-to-treat effects under several inference methods at once, sharing the adjusted fit (the coverage
    /// study's comparison): element k is what <see cref="Itt"/> returns with <c>options with { Method = methods[k] }</c>.
    /// </summary>
    /// <exception cref="DegenerateModelException">As <see cref="Itt"/>, for any of the methods.</exception>
    /// <exception cref="ArgumentException">Weights with a resampling method.</exception>
    public static IReadOnlyList<ArmEffects> Compare(EffectData data, EffectOptions options, IReadOnlyList<InferenceMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var model = Prepare(data, options, methods);
        var y = model.Data.Outcome;
        var robustFit = model.FitRobust(y);
        return methods.Select(method =>
        {
            var clusteredFit = method == InferenceMethod.Cr2 ? model.FitClustered(y) : null;
            var unadjusted = options.IncludeUnadjusted ? model.Unadjusted(y, Counterpart(model, method)) : null;
            var arms = model.Treated.Select((arm, index) =>
            {
                var name = EffectModel.Coefficient(arm);
                var robust = TBased(robustFit.Model[name], model.Alpha);
                var inferred = method switch
                {
                    InferenceMethod.Hc2 => robust,
                    InferenceMethod.Cr2 => TBased(clusteredFit!.Model[name], model.Alpha),
                    InferenceMethod.WildClusterBootstrap => Bootstrap(model, robustFit.Design, name, index),
                    _ => Randomisation(model, y, model.Data.Arms.Select(a => a == arm ? 1.0 : 0.0).ToArray(), index),
                };
                return Result(model, method, arm, Estimand.IntentionToTreat, inferred, robust, unadjusted is null ? null : TBased(unadjusted[name], model.Alpha).Estimate);
            }).ToList();
            return new ArmEffects(model.Data.Experiment, model.Data.OutcomeName, Estimand.IntentionToTreat, method, arms, robustFit.Design.Notes);
        }).ToList();
    }

    /// <summary>
    /// The effect on those who took up, per treatment arm: the Lin-adjusted ITT over the Lin-adjusted take-up
    /// difference (one-sided take-up: nobody in control can take up). Its uncertainty comes from the same method as the
    /// ITT, applied to the ITT of y − θ̂·take-up (whose estimate is zero at θ̂) and divided by the take-up difference:
    /// the delta-method (Wald) interval for HC2 and CR2, the same linearisation of the bootstrap interval, and the
    /// exact inversion of the constant-effect sharp null (Imbens &amp; Rosenbaum 2005) for randomisation inference.
    /// </summary>
    /// <exception cref="DegenerateModelException">An arm where nobody took up, or as <see cref="Itt"/>.</exception>
    /// <exception cref="ArgumentException">Weights with a resampling method.</exception>
    public static ArmEffects Att(EffectData data, EffectOptions? options = null)
    {
        options ??= EffectOptions.Default;
        var model = Prepare(data, options, [options.Method]);
        var y = model.Data.Outcome;
        var d = model.Data.TookUp.Select(t => t ? 1.0 : 0.0).ToArray();
        var firstStage = model.FitRobust(d);
        var reduced = model.FitRobust(y);
        var plainFirst = options.IncludeUnadjusted ? model.Unadjusted(d, VarianceEstimator.HC2) : null;
        var plainReduced = options.IncludeUnadjusted ? model.Unadjusted(y, VarianceEstimator.HC2) : null;
        var counterpart = Counterpart(model, options.Method);
        var arms = model.Treated.Select((arm, index) =>
        {
            var name = EffectModel.Coefficient(arm);
            var uptake = firstStage.Model[name].Estimate;
            if (!(Math.Abs(uptake) > 1e-12))
            {
                throw new DegenerateModelException($"{model.Data.OutcomeName}: nobody in arm {arm.Code} took up, so its effect on the treated is undefined");
            }

            var theta = reduced.Model[name].Estimate / uptake;
            var u = Residualised(y, d, theta);
            var robust = Rescale(TBased(model.FitRobust(u).Model[name], model.Alpha), theta, uptake, model.Alpha);
            var inferred = options.Method switch
            {
                InferenceMethod.Hc2 => robust,
                InferenceMethod.Cr2 => Rescale(TBased(model.FitClustered(u).Model[name], model.Alpha), theta, uptake, model.Alpha),
                InferenceMethod.WildClusterBootstrap => Rescale(Bootstrap(model, model.Design(u), name, index), theta, uptake, model.Alpha),
                _ => Randomisation(model, y, model.Data.Arms.Select((a, i) => a == arm ? d[i] : 0.0).ToArray(), index),
            };
            IntervalEstimate? plain = null;
            if (plainFirst is not null && plainReduced is not null)
            {
                var plainUptake = plainFirst[name].Estimate;
                var plainTheta = plainReduced[name].Estimate / plainUptake;
                plain = Rescale(TBased(model.Unadjusted(Residualised(y, d, plainTheta), counterpart)[name], model.Alpha), plainTheta, plainUptake, model.Alpha).Estimate;
            }

            return Result(model, options.Method, arm, Estimand.EffectOnTreated, inferred, robust, plain);
        }).ToList();
        return new ArmEffects(model.Data.Experiment, model.Data.OutcomeName, Estimand.EffectOnTreated, options.Method, arms, reduced.Design.Notes);
    }

    private static EffectModel Prepare(EffectData data, EffectOptions options, IReadOnlyList<InferenceMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var model = EffectModel.Create(data, options);
        var resampling = methods.FirstOrDefault(m => m is InferenceMethod.WildClusterBootstrap or InferenceMethod.Randomisation, InferenceMethod.Hc2);
        if (model.Data.Weights is not null && resampling != InferenceMethod.Hc2)
        {
            throw new ArgumentException($"{data.OutcomeName}: weighted data need a sandwich method (HC2 or CR2); {resampling} does not take observation weights.", nameof(data));
        }

        return model;
    }

    /// <summary>The sandwich estimator that matches a method: CR2 when it clusters by caseworker, else HC2.</summary>
    private static VarianceEstimator Counterpart(EffectModel model, InferenceMethod method) =>
        method is InferenceMethod.Cr2 or InferenceMethod.WildClusterBootstrap ? model.Clustered() : VarianceEstimator.HC2;

    private static double[] Residualised(IReadOnlyList<double> y, double[] d, double theta) => y.Select((v, i) => v - (theta * d[i])).ToArray();

    private static ArmEffect Result(EffectModel model, InferenceMethod method, ExperimentArm arm, Estimand estimand, Inferred inferred, Inferred robust, IntervalEstimate? unadjusted)
    {
        var y = model.Data.Outcome;
        var inArm = Enumerable.Range(0, model.Data.Count).Where(i => model.Data.Arms[i] == arm).ToList();
        var margin = EquivalenceMargin.Symmetric(model.Options.SmallestEffectOfInterest);
        return new ArmEffect
        {
            Arm = arm,
            Estimand = estimand,
            Method = method,
            Effect = inferred.Estimate,
            Robust = robust.Estimate,
            Unadjusted = unadjusted,
            Equivalence = inferred.Equivalence(margin),
            RobustEquivalence = robust.Equivalence(margin),
            ArmCount = inArm.Count,
            ControlCount = model.Count(model.Control),
            ControlMean = model.Mean(y, model.Control),
            TakeUp = inArm.Average(i => model.Data.TookUp[i] ? 1.0 : 0.0),
            Notes = inferred.Notes,
        };
    }

    private static Inferred TBased(Coefficient c, double alpha)
    {
        if (!(c.StandardError > 0))
        {
            throw new DegenerateModelException($"The standard error of {c.Name} is undefined: the outcome does not vary within the arm or the control arm.");
        }

        var estimate = new IntervalEstimate(c.Estimate, c.StandardError, c.DegreesOfFreedom, new Interval(c.ConfidenceLow, c.ConfidenceHigh), c.PValue);
        return TBased(estimate, alpha);
    }

    private static Inferred TBased(IntervalEstimate e, double alpha) => new(
        e,
        r => ReferenceDistribution.TwoSidedP((e.Estimate - r) / e.StandardError, e.DegreesOfFreedom),
        margin =>
        {
            var tost = EquivalenceTest.Test(e.Estimate, e.StandardError, e.DegreesOfFreedom, margin, alpha);
            return new EquivalenceAssessment(margin, alpha, tost.Conclusion, tost.EquivalenceInterval);
        },
        []);

    /// <summary>
    /// From the inference on the ITT of u = y − θ̂·d (estimate ≈ 0) to the effect on the treated: θ̂ + (·)/π̂. A t-based
    /// result keeps its df with SE/|π̂|; a resampling result maps its p-value function the same way.
    /// </summary>
    private static Inferred Rescale(Inferred onU, double theta, double uptake, double alpha)
    {
        var u = onU.Estimate;
        var (low, high) = (theta + (u.ConfidenceInterval.Lower / uptake), theta + (u.ConfidenceInterval.Upper / uptake));
        var se = u.StandardError / Math.Abs(uptake);
        if (double.IsFinite(u.DegreesOfFreedom))
        {
            var t = ReferenceDistribution.TwoSidedP(theta / se, u.DegreesOfFreedom);
            return TBased(new IntervalEstimate(theta, se, u.DegreesOfFreedom, new Interval(Math.Min(low, high), Math.Max(low, high)), t), alpha);
        }

        double P(double r) => onU.PValue((r - theta) * uptake);
        return Resampled(new IntervalEstimate(theta, se, double.NaN, new Interval(Math.Min(low, high), Math.Max(low, high)), P(0)), P, alpha, onU.Notes);
    }

    private static Inferred Bootstrap(EffectModel model, LinDesign design, string coefficient, int index)
    {
        var options = model.Options;
        var result = WildClusterBootstrap.Test(design.Outcome, design.Matrix, design.Take(model.Data.Caseworkers), coefficient,
            new WildBootstrapOptions(Seed: options.Seed + index, Draws: options.BootstrapDraws, Weights: options.BootstrapWeights, ConfidenceLevel: options.ConfidenceLevel));
        var estimate = new IntervalEstimate(result.Estimate, result.StandardError, double.NaN, result.ConfidenceInterval, result.SymmetricPValue);
        return Resampled(estimate, r => result.PValue(r), model.Alpha, result.Notes);
    }

    private static Inferred Randomisation(EffectModel model, IReadOnlyList<double> y, double[] shift, int index)
    {
        var options = model.Options;
        var result = RandomisationInterval.ArmVersusControl(y, shift, model.Covariates, model.Assignment, index + 1, 0,
            new RandomisationOptions(Seed: options.Seed + index, Draws: options.RandomisationDraws, Strata: model.Strata), options.ConfidenceLevel);
        var estimate = new IntervalEstimate(result.Estimate, result.StandardError, double.NaN, result.ConfidenceInterval, result.PValueAtZero);
        return Resampled(estimate, result.PValue, model.Alpha, result.Notes);
    }

    private static Inferred Resampled(IntervalEstimate estimate, Func<double, double> pValue, double alpha, IReadOnlyList<string> notes) => new(
        estimate,
        pValue,
        margin => new EquivalenceAssessment(margin, alpha, EquivalenceAssessment.Conclude(pValue, estimate.Estimate, margin, alpha), null),
        notes);

    /// <summary>One method's result: the estimate, its p-value as a function of the null value, and the equivalence assessment it implies.</summary>
    private sealed record Inferred(IntervalEstimate Estimate, Func<double, double> PValue, Func<EquivalenceMargin, EquivalenceAssessment> Equivalence, IReadOnlyList<string> Notes);
}
