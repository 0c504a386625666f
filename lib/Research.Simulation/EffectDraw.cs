using Research.Analysis.Inference;
using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Statistics.MetaAnalysis;

namespace Research.Simulation;

/// <summary>One arm's estimate in one replication under one method, with the truth it estimates.</summary>
/// <param name="Replication">The replication.</param>
/// <param name="World">No effects or planted effects.</param>
/// <param name="Experiment">The site.</param>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The register outcome (at the site's primary horizon).</param>
/// <param name="Method">The inference method.</param>
/// <param name="Rule">Which interval of the method's result is read.</param>
/// <param name="Truth">The planted ITT for these participants (0 without effects).</param>
/// <param name="Estimate">The estimate, or NaN when the method could not be applied (<see cref="Failed"/>).</param>
/// <param name="ConfidenceInterval">The interval (NaN limits when failed).</param>
/// <param name="PValue">The p-value of no effect (1 when failed: a failed test rejects nothing).</param>
/// <param name="Failed">Whether the estimator could not produce a result (e.g. no one in an arm reached a rare outcome).</param>
public sealed record EffectDraw(int Replication, World World, Experiment Experiment, ExperimentArm Arm, Outcome Outcome, InferenceMethod Method, IntervalRule Rule, double Truth, double Estimate, Interval ConfidenceInterval, double PValue, bool Failed)
{
    /// <summary>Whether the 5% test rejects no effect.</summary>
    public bool Rejects => PValue <= 0.05;

    /// <summary>Whether the interval contains the truth.</summary>
    public bool Covers => !Failed && ConfidenceInterval.Contains(Truth);

    /// <summary>The interval's width.</summary>
    public double Width => ConfidenceInterval.Upper - ConfidenceInterval.Lower;
}
