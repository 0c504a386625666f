using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Analysis.Reports.Tables;

/// <summary>The tables of <see cref="DesignSection"/>: <c>arms</c> and <c>flow</c>.</summary>
public static class DesignTables
{
    /// <summary>Table <c>arms</c>: one row per arm (key: arm code), n randomised.</summary>
    public static TableDefinition<ArmSize> Arms { get; } = new TableBuilder<ArmSize>("arms", "Experimental arms", a => a.Arm.Code)
        .Arm(a => a.Arm)
        .Label("arm_name_en", "Arm (English)", a => a.Arm.NameEn)
        .Label("description", "What changed", a => a.Arm.Description)
        .Label("component_self_chosen", "Component chosen by the participant", a => a.Arm.ComponentSelfChosen ? "yes" : "no")
        .Count(ResultValue.N, "Randomised", a => a.Randomised, a => Populations.Arm(a.Arm))
        .Build();

    /// <summary>
    /// Table <c>flow</c>: key <c>{stage}</c> for a stage's total and <c>{stage}|{arm}</c> per arm; stages <c>invited</c>,
    /// <c>randomised</c>, <c>took_up</c>, <c>in_register</c>, <c>responded_w{k}</c>; values <c>n</c>.
    /// </summary>
    public static TableDefinition<FlowCount> Flow { get; } = new TableBuilder<FlowCount>("flow", "Participant flow (CONSORT)", f => f.Key)
        .Label("stage", "Stage code", f => f.Stage.Key)
        .Label("stage_label", "Stage", f => f.Stage.Label)
        .Label("arm", "Arm code", f => f.Arm?.Code ?? "all")
        .Label("arm_name_nl", "Arm", f => f.Arm?.NameNl ?? "All arms")
        .Count(ResultValue.N, "Persons", f => f.Count, f => f.Stage.Key == "invited" ? null : Populations.Stage(f.Stage, f.Arm))
        .Build();

    /// <summary>The section's draft tables in report order.</summary>
    public static IReadOnlyList<DraftTable> Of(DesignSection design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return
        [
            Arms.Draft(design.Arms, ["n: participants randomised to the arm."]),
            Flow.Draft(design.Flow,
            [
                "Invited: the number of recipients invited according to the experiment design (CPB 2022), not counted from the extract.",
                "In register data: the register covers the month of the primary horizon for the person.",
            ]),
        ];
    }
}
