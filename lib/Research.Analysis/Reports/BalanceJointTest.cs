using Research.Data.Design;
using Research.Statistics.Inference;

namespace Research.Analysis.Reports;

/// <summary>The joint test that the characteristics do not predict assignment to <paramref name="Arm"/> rather than the control.</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Test">The HC2 Wald F test of all slopes.</param>
/// <param name="N">Persons in the arm and the control arm.</param>
public sealed record BalanceJointTest(ExperimentArm Arm, WaldTestResult Test, int N);
