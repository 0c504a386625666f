using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>How many persons reached a stage of the flow, in one arm or (arm null) in all arms together.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Arm">The arm; null for the stage's total.</param>
/// <param name="Count">The number of persons.</param>
public sealed record FlowCount(FlowStage Stage, ExperimentArm? Arm, int Count)
{
    /// <summary>The row key: <c>{stage}</c> for a total, <c>{stage}|{arm}</c> per arm.</summary>
    public string Key => Arm is null ? Stage.Key : $"{Stage.Key}|{Arm.Code}";
}
