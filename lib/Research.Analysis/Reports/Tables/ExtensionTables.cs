using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Results;

namespace Research.Analysis.Reports.Tables;

/// <summary>
/// The tables of the CPB-style sections: <c>effect_path</c> (<see cref="EffectPaths"/>), <c>fiscal</c>
/// (<see cref="Fiscal"/>), <c>subgroups</c> and <c>subgroup_tests</c> (<see cref="Subgroups"/>), <c>definitions</c>
/// (<see cref="Sensitivity"/>) and <c>return_to_benefit</c> (<see cref="ReturnToBenefit"/>).
/// </summary>
public static class ExtensionTables
{
    /// <summary>Table <c>effect_path</c>: key <c>{arm}|{outcome}|{month}</c>; the effect with its interval, and the persons observed.</summary>
    public static TableDefinition<EffectPathPoint> EffectPath(InferenceMethod method) =>
        new TableBuilder<EffectPathPoint>("effect_path", "Effect by month since randomisation", e => PrimaryOutcomes.Key(e.Arm.Code, e.Outcome.Key, e.Month))
            .Arm(e => e.Arm)
            .Outcome(e => e.Outcome)
            .Label("month", "Month", e => e.Month.ToString(CultureInfo.InvariantCulture))
            .Effect(e => e.Effect, method, ValueUnit.Share, adjustedP: false)
            .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
            .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
            .Support(e => [e.NArm, e.NControl])
            .Links(e => new EffectLink(PrimaryTables.ShareGroup(e.Outcome, e.Month), e.Arm.Code, "control"))
            .Build();

    /// <summary>Table <c>fiscal</c>: key <c>{arm}|{horizon}</c>; benefit paid per person in the control arm and the effect in euros.</summary>
    public static TableDefinition<FiscalEffect> Fiscal(InferenceMethod method) =>
        new TableBuilder<FiscalEffect>("fiscal", "Benefit paid per participant", e => string.Create(CultureInfo.InvariantCulture, $"{e.Arm.Code}|{e.Horizon}"))
            .Arm(e => e.Arm)
            .Label("horizon", "Months 1 to", e => e.Horizon.ToString(CultureInfo.InvariantCulture))
            .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
            .Amount("control_mean", "Benefit paid per person, control arm", ValueUnit.Euro, "n_control", e => e.ControlMean, magnitude: e => e.ControlMagnitude)
            .Effect(e => e.Effect, method, ValueUnit.Euro, adjustedP: false, degreesOfFreedom: false)
            .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
            .Support(e => [e.NArm, e.NControl])
            .Build();

    /// <summary>Table <c>subgroups</c>: key <c>{dimension}|{level}|{arm}|{outcome}</c>; the effect within the subgroup.</summary>
    public static TableDefinition<SubgroupEffect> Subgroup(InferenceMethod method) =>
        new TableBuilder<SubgroupEffect>("subgroups", "Effects by subgroup at the main horizon (exploratory)", e => $"{e.Dimension.Key}|{e.Level}|{e.Arm.Code}|{e.Outcome.Key}")
            .Label("dimension", "Characteristic code", e => e.Dimension.Key)
            .Label("dimension_label", "Characteristic", e => e.Dimension.Label)
            .Label("level", "Subgroup", e => e.Level.Replace('_', ' '))
            .Arm(e => e.Arm)
            .Outcome(e => e.Outcome, e => e.Horizon)
            .Effect(e => e.Effect, method, ValueUnit.Share, adjustedP: false)
            .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
            .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
            .Support(e => [e.NArm, e.NControl])
            .Build();

    /// <summary>Table <c>subgroup_tests</c>: key <c>{dimension}|{outcome}</c>; the Wald test that the effects are equal across the subgroups.</summary>
    public static TableDefinition<InteractionTest> SubgroupTest { get; } = new TableBuilder<InteractionTest>("subgroup_tests", "Do the effects differ between subgroups? (exploratory)",
            t => $"{t.Dimension.Key}|{t.Outcome.Key}")
        .Label("dimension", "Characteristic code", t => t.Dimension.Key)
        .Label("dimension_label", "Characteristic", t => t.Dimension.Label)
        .Outcome(t => t.Outcome)
        .Number("F", ColumnKind.Statistic, "F", t => t.Test?.F)
        .Number("df1", ColumnKind.DegreesOfFreedom, "df1", t => t.Test?.NumeratorDf)
        .Number("df2", ColumnKind.DegreesOfFreedom, "df2", t => t.Test is { DenominatorDf: var d } && double.IsFinite(d) ? d : null)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", t => t.Test?.PValue)
        .Support(t => [t.SmallestGroup])
        .Build();

    /// <summary>Table <c>definitions</c>: key <c>{definition}|{arm}</c>; the main-horizon effect under each definition of full outflow.</summary>
    public static TableDefinition<DefinitionEffect> Definitions(InferenceMethod method) =>
        new TableBuilder<DefinitionEffect>("definitions", "Full outflow under other definitions, at the main horizon", e => $"{e.Definition.Key}|{e.Arm.Code}")
            .Label("definition", "Definition code", e => e.Definition.Key)
            .Label("definition_label", "Definition", e => e.Definition.Label)
            .Arm(e => e.Arm)
            .Label("horizon", "Month", e => e.Horizon.ToString(CultureInfo.InvariantCulture))
            .Effect(e => e.Effect, method, ValueUnit.Share, adjustedP: false)
            .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
            .Share("control_mean", "Control share", "n_control", e => e.ControlMean, link: e => new ShareLink(Group(e), "control"))
            .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
            .Support(e => [e.NArm, e.NControl])
            .Links(e => new EffectLink(Group(e), e.Arm.Code, "control"))
            .Build();

    /// <summary>Table <c>return_to_benefit</c>: key <c>{arm}</c>; persons who left the benefit and the share of them back on it within six months.</summary>
    public static TableDefinition<BenefitReturn> Return { get; } = new TableBuilder<BenefitReturn>("return_to_benefit", "Back on benefit within six months of leaving it", r => r.Arm?.Code ?? "all")
        .Label("arm", "Arm code", r => r.Arm?.Code ?? "all")
        .Label("arm_name_nl", "Arm", r => r.Arm?.NameNl ?? "All arms together")
        .Count("n_left", "Left the benefit", r => r.Left, r => Left(r))
        .Share("returned", "Back on benefit within 6 months", "n_left", r => r.Share,
            populations: r => (Left(r).Where("returned", "1"), Left(r).Where("returned", "0")))
        .IntervalOf("returned", ResultValue.CiLow, ResultValue.CiHigh, r => r.Interval?.Lower, r => r.Interval?.Upper)
        .Build();

    /// <summary>The drafts of the CPB-style sections.</summary>
    public static IReadOnlyList<DraftTable> Of(EffectPaths paths, Fiscal fiscal, Subgroups subgroups, Sensitivity sensitivity, ReturnToBenefit returns, EffectSpecification specification, bool stratified)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(fiscal);
        ArgumentNullException.ThrowIfNull(subgroups);
        ArgumentNullException.ThrowIfNull(sensitivity);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(specification);
        var method = specification.Primary;
        var strata = stratified ? " and the randomisation strata" : string.Empty;
        return
        [
            EffectPath(method).Draft(paths.Points,
            [
                $"Difference with the control arm in the share in the outcome, month by month, within strata where randomisation was stratified; no other adjustment, so the months before randomisation are a check that the arms started alike (their effects should be zero). {method.Description}.",
                .. paths.Notes,
            ]),
            Fiscal(method).Draft(fiscal.Effects,
            [
                $"Social-assistance benefit paid per participant from month 1 to the given month. Effect: difference with the control arm in euros per participant, adjusted for the benefit paid in the 12 months before randomisation{strata}; negative means benefit saved. {method.Description}.",
                .. fiscal.Notes,
            ]),
            Subgroup(method).Draft(subgroups.Effects,
            [
                $"Exploratory: effects at the main horizon within subgroups, each estimated like the main effect (adjusted for the outcome's mean over the 12 months before randomisation{strata}); none was pre-registered and many were compared, so differences between subgroups are hypotheses. {method.Description}.",
                .. subgroups.Notes,
            ]),
            SubgroupTest.Draft(subgroups.Tests,
            [
                "Exploratory: Wald F test that all arm × subgroup interactions are zero, in one model with the subgroups, the arms, their interactions and the baseline outcome; a small p-value says the effects differ between the subgroups somewhere.",
            ]),
            Definitions(method).Draft(sensitivity.Effects,
            [
                $"Each definition's effect at the main horizon, adjusted for its own mean over the 12 months before randomisation{strata}. {method.Description}.",
                .. sensitivity.Notes,
            ]),
            Return.Draft(returns.Returns,
            [
                string.Create(CultureInfo.InvariantCulture, $"Persons whose first month without benefit fell between month 1 and the main horizon, observed for {ReturnToBenefit.WindowMonths} months after it; the share who received benefit again within those months, with its Wilson 95% interval; all arms together where an arm's share rests on too few persons. A description of the arms, not a randomised comparison."),
            ]),
        ];
    }

    private static Population Left(BenefitReturn r) => (r.Arm is null ? Population.All : Populations.Arm(r.Arm)).Where("left_benefit", "1");

    private static string Group(DefinitionEffect e) => e.Definition == OutflowDefinition.Cpb
        ? PrimaryTables.ShareGroup(ReportOutcome.Full, e.Horizon)
        : string.Create(CultureInfo.InvariantCulture, $"{e.Definition.Key}@{e.Horizon}");
}
