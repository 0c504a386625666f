using Research.Statistics.Multiplicity;

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

        var arms = all.Where(a => sample.Count(a.Code) > 0).ToList();
        var terms = arms.Select(a => EffectSample.Coefficient(a.Code)).ToList();
        var model = estimation.Try(sample.Description, () => EffectModel.Of(sample, specification.Adjustment));
        if (model is null || arms.Count == 0)
        {
            return new EffectEstimate?[all.Count];
        }

        var estimates = new double?[arms.Count];
        var inferences = arms.Select(_ => new List<Inference>()).ToList();
        foreach (var method in specification.Methods)
        {
            var results = estimation.Try($"{sample.Description}, {method.Label}", () => method.Infer(model, terms));
            if (results is null)
            {
                continue;
            }

            var holm = PValueAdjustment.Holm(results.Select(r => r.Inference.PValue).ToList());
            for (var a = 0; a < arms.Count; a++)
            {
                estimates[a] ??= results[a].Estimate;
                inferences[a].Add(results[a].Inference with { AdjustedPValue = holm[a] });
            }
        }

        return all.Select(arm => arms.IndexOf(arm) is var a && a >= 0 && estimates[a] is { } e ? new EffectEstimate(specification.Adjustment, e, inferences[a]) : null).ToList();
    }
}
