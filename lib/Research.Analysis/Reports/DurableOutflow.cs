using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The share of an arm with a durable outflow by the primary horizon, and (for a treatment arm) the effect on it.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="N">Persons of the arm in the model.</param>
/// <param name="Durable">Persons with a durable outflow.</param>
/// <param name="NControl">Persons of the control arm in the model.</param>
/// <param name="Effect">The difference with the control arm; null for the control arm or when not estimable.</param>
public sealed record DurableOutflow(ExperimentArm Arm, ReportOutcome Outcome, int N, int Durable, int NControl, EffectEstimate? Effect)
{
    /// <summary>The share with a durable outflow.</summary>
    public double Share => (double)Durable / N;

    /// <summary>Persons without a durable outflow.</summary>
    public int NotDurable => N - Durable;
}
