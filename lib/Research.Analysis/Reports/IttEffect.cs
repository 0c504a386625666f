using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The intention-to-treat effect of one arm on one outcome at one horizon.</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Horizon">Months after randomisation.</param>
/// <param name="NArm">Persons of the arm in the model.</param>
/// <param name="NControl">Persons of the control arm in the model.</param>
/// <param name="ControlMean">The control arm's share in the outcome.</param>
/// <param name="Effect">The estimate with every inference method's result; null when the model could not be estimated.</param>
public sealed record IttEffect(ExperimentArm Arm, ReportOutcome Outcome, int Horizon, int NArm, int NControl, double ControlMean, EffectEstimate? Effect)
{
    /// <summary>Persons in the model.</summary>
    public int N => NArm + NControl;

    /// <summary>The inference of <paramref name="method"/>; null when not estimable.</summary>
    public Inference? Inference(InferenceMethod method) => Effect?.For(method);
}
