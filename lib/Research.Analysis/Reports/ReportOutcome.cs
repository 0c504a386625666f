using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>A register outcome as the report and its result files name it.</summary>
/// <param name="Key">The key in result files, e.g. <c>partial_full_outflow</c>.</param>
/// <param name="Outcome">The panel outcome.</param>
/// <param name="Label">How the report describes it.</param>
public sealed record ReportOutcome(string Key, Outcome Outcome, string Label)
{
    /// <summary>More than 12 contractual hours a week (CPB's partial plus full outflow): the primary outcome.</summary>
    public static ReportOutcome PartialOrFull { get; } = new("partial_full_outflow", Outcome.PartialOrFullOutflow, "Works > 12 h a week (partial + full outflow)");

    /// <summary>Off benefit and more than 27 contractual hours a week (CPB's full outflow).</summary>
    public static ReportOutcome Full { get; } = new("full_outflow", Outcome.FullOutflow, "Works > 27 h a week, off benefit (full outflow)");

    /// <summary>No social assistance received in the month.</summary>
    public static ReportOutcome Independence { get; } = new("benefit_independence", Outcome.BenefitIndependence, "No benefit received (benefit independence)");

    /// <summary>The three register outcomes of the result files, primary first.</summary>
    public static IReadOnlyList<ReportOutcome> All { get; } = [PartialOrFull, Full, Independence];
}
