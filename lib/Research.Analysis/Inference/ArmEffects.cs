using Research.Data.Design;

namespace Research.Analysis.Inference;

/// <summary>Every treatment arm's effect on one outcome, from one model (in design order).</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="OutcomeName">What the outcome is.</param>
/// <param name="Estimand">ITT or effect on the treated.</param>
/// <param name="Method">The inference method.</param>
/// <param name="Arms">One element per treatment arm, in design order.</param>
/// <param name="Notes">Remarks about the model as a whole (covariates left out, few clusters).</param>
public sealed record ArmEffects(Experiment Experiment, string OutcomeName, Estimand Estimand, InferenceMethod Method, IReadOnlyList<ArmEffect> Arms, IReadOnlyList<string> Notes)
{
    /// <summary>The effect of <paramref name="arm"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a treatment arm of the experiment.</exception>
    public ArmEffect this[ExperimentArm arm] =>
        Arms.FirstOrDefault(a => a.Arm == arm) ?? throw new KeyNotFoundException($"{Experiment.Municipality} has no treatment arm {arm.Code}");
}
