using Research.Data.Design;

namespace Research.Analysis.Inference;

/// <summary>One arm's time to an outcome against control.</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Method">The inference method whose survival counterpart was used.</param>
/// <param name="ObservedMinusExpected">The arm's observed minus expected events under equal hazards (the log-rank score).</param>
/// <param name="ChiSquare">The test statistic on 1 df (robust score test), or the ordinary log-rank χ² under randomisation inference.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Notes">Remarks, e.g. that few clusters make the χ² reference optimistic.</param>
public sealed record ArmSurvivalTest(ExperimentArm Arm, InferenceMethod Method, double ObservedMinusExpected, double ChiSquare, double PValue, IReadOnlyList<string> Notes);
