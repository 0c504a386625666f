using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>A definition of full outflow compared in the sensitivity analysis.</summary>
/// <param name="Key">Identifier in result files.</param>
/// <param name="Label">How the report names it.</param>
/// <param name="Outcome">The panel outcome.</param>
/// <param name="Definitions">The thresholds the panel is built with.</param>
public sealed record OutflowDefinition(string Key, string Label, Outcome Outcome, OutcomeDefinitions Definitions)
{
    /// <summary>CPB's full outflow: off benefit and more than 27 contractual hours a week (the report's outcome).</summary>
    public static OutflowDefinition Cpb { get; } = new("full_outflow", "Off benefit and more than 27 h a week (CPB, the report's definition)", Outcome.FullOutflow, OutcomeDefinitions.Cpb);

    /// <summary>More than 27 contractual hours a week, whether or not the benefit still tops up the income.</summary>
    public static OutflowDefinition HoursOnly { get; } = new("over_27h_any_benefit", "More than 27 h a week, with or without benefit", Outcome.FullOutflow,
        OutcomeDefinitions.Cpb with { FullOutflowRequiresOffBenefit = false });

    /// <summary>Off benefit with earnings of at least 70% of the minimum wage (the municipal LOEP definition).</summary>
    public static OutflowDefinition Earnings { get; } = new("earnings_outflow", "Off benefit with earnings of at least €1,105 a month (70% of the minimum wage)", Outcome.EarningsOutflow, OutcomeDefinitions.Cpb);

    /// <summary>The definitions compared, the report's first.</summary>
    public static IReadOnlyList<OutflowDefinition> All { get; } = [Cpb, HoursOnly, Earnings];
}
