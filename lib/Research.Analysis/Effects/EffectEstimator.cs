using Research.Data.Design;
using Research.Statistics.Multiplicity;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Effects;

/// <summary>Estimates the effect of every treatment arm against the control with each inference method of a specification.</summary>
public static class EffectEstimator
{
    /// <summary>
    /// One estimate per treatment arm (design order): null for an arm without persons in the sample, and for every arm
    /// when the model cannot be estimated at all (the reason is noted in <paramref name="estimation"/>). Within each method the p-values are Holm-adjusted across
    /// the arms (<see cref="Inference.AdjustedPValue"/>).
    /// </summary>
    public static IReadOnlyList<EffectEstimate?> ArmEffects(EffectSample sample, EffectSpecification specification, Estimation estimation)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(estimation);
        var all = sample.Context.Experiment.TreatmentArms.ToList();
        var control = sample.Context.Experiment.Control.Code;
        var missing = all.Where(a => sample.Count(a.Code) == 0).Select(a => a.NameNl).ToList();
        if (sample.Count(control) == 0)
        {
            missing.Add(sample.Context.Experiment.Control.NameNl);
        }

        if (missing.Count > 0)
        {
            estimation.Note($"{sample.Description}: no person of arm(s) {string.Join(", ", missing)} has the outcome, so those arms cannot be compared");
        }

        if (sample.Count(control) == 0)
        {
            return new EffectEstimate?[all.Count];
        }

        if (specification.Adjustment == Adjustment.Prognostic)
        {
            return ViaSharedEstimator(sample, specification, estimation, all);
        }

        var arms = all.Where(a => sample.Count(a.Code) > 0).ToList();
        var terms = arms.Select(a => EffectSample.Coefficient(a.Code)).ToList();
        var model = estimation.Try(sample.Description, () => estimation.Model(sample, specification.Adjustment));
        if (model is null || arms.Count == 0)
        {
            return new EffectEstimate?[all.Count];
        }

        var estimates = new double?[arms.Count];
        var inferences = arms.Select(_ => new List<Inference>()).ToList();
        var undefined = new bool[arms.Count];
        var fitted = new List<IReadOnlyList<(double Estimate, Inference Inference)>>();
        foreach (var method in specification.Methods)
        {
            var results = estimation.Try($"{sample.Description}, {method.Label}", () => method.Infer(model, terms));
            if (results is null)
            {
                continue;
            }

            fitted.Add(results);
            for (var a = 0; a < arms.Count; a++)
            {
                if (!(results[a].Inference.StandardError > 0) && !undefined[a])
                {
                    // Its variance is zero (up to rounding): that arm has no standard error, whatever the others have.
                    undefined[a] = true;
                    estimation.Note($"{sample.Description}, {method.Label}: the standard error of arm {arms[a].NameNl} is undefined, its variance being zero (e.g. the outcome does not vary within the arm or the control arm)");
                }
            }
        }

        // Holm adjusts across the arms that have a p-value; where none has, no arm is estimated (the notes say why).
        var defined = Enumerable.Range(0, arms.Count).Where(a => !undefined[a]).ToList();
        if (defined.Count == 0)
        {
            return [.. all.Select(_ => (EffectEstimate?)null)];
        }

        foreach (var results in fitted)
        {
            var holm = PValueAdjustment.Holm(defined.Select(a => results[a].Inference.PValue).ToList());
            for (var i = 0; i < defined.Count; i++)
            {
                var a = defined[i];
                estimates[a] ??= results[a].Estimate;
                inferences[a].Add(results[a].Inference with { AdjustedPValue = holm[i] });
            }
        }

        return all.Select(arm => arms.IndexOf(arm) is var a && a >= 0 && estimates[a] is { } e ? new EffectEstimate(specification.Adjustment, e, inferences[a]) : null).ToList();
    }

    /// <summary>
    /// Lin's adjustment for the prognostic set goes through the one estimator the coverage-and-size study checked
    /// (<see cref="Shared.EffectEstimator"/>, with CR2 and the HC2 result beside it); each method of the specification
    /// reads its result from there. Every arm needs at least two persons with the outcome, else nothing is estimated.
    /// </summary>
    private static IReadOnlyList<EffectEstimate?> ViaSharedEstimator(EffectSample sample, EffectSpecification specification, Estimation estimation, IReadOnlyList<ExperimentArm> all)
    {
        var data = sample.SharedData();
        var effects = estimation.Try(sample.Description, () => Shared.EffectEstimator.Itt(data, specification.Options with { Method = Shared.InferenceMethod.Cr2, IncludeUnadjusted = false }));
        if (effects is null)
        {
            return new EffectEstimate?[all.Count];
        }

        var inferences = all.Select(_ => new List<Inference>()).ToList();
        foreach (var method in specification.Methods)
        {
            var results = all.Select(arm => method.FromShared(effects[arm])).ToList();
            if (results.Any(r => r is null))
            {
                throw new InvalidOperationException($"the inference method {method.Key} cannot be read from the shared estimator; use HC2, CR2 or {InferenceMethod.ClusteredAtLeastRobust.Key} with the prognostic adjustment");
            }

            var holm = PValueAdjustment.Holm(results.Select(r => r!.PValue).ToList());
            for (var a = 0; a < all.Count; a++)
            {
                inferences[a].Add(results[a]! with { AdjustedPValue = holm[a] });
            }
        }

        return all.Select((arm, a) => (EffectEstimate?)new EffectEstimate(specification.Adjustment, effects[arm].Effect.Estimate, inferences[a])).ToList();
    }
}
