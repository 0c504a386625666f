using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>A register outcome as the report and its result files name it.</summary>
/// <param name="Key">The key in result files, e.g. <c>partial_full_outflow</c>.</param>
/// <param name="Outcome">The panel outcome.</param>
/// <param name="Label">How the report describes it in English.</param>
/// <param name="LabelNl">How the report describes it in Dutch.</param>
/// <param name="Short">A short English name for chart legends and sentences, e.g. "> 27 h a week, off benefit".</param>
public sealed record ReportOutcome(string Key, Outcome Outcome, string Label, string LabelNl, string Short)
{
    /// <summary>More than 12 contractual hours a week (CPB's partial plus full outflow).</summary>
    public static ReportOutcome PartialOrFull { get; } = new("partial_full_outflow", Outcome.PartialOrFullOutflow,
        "Works more than 12 h a week (partial + full outflow)", "Werkt meer dan 12 uur per week (gedeeltelijke + volledige uitstroom)", "works > 12 h a week");

    /// <summary>Off benefit and more than 27 contractual hours a week (CPB's full outflow).</summary>
    public static ReportOutcome Full { get; } = new("full_outflow", Outcome.FullOutflow,
        "Works more than 27 h a week and off benefit (full outflow)", "Werkt meer dan 27 uur per week en zit niet meer in de bijstand (volledige uitstroom)", "works > 27 h a week, off benefit");

    /// <summary>No social assistance received in the month.</summary>
    public static ReportOutcome Independence { get; } = new("benefit_independence", Outcome.BenefitIndependence,
        "Receives no benefit (benefit independence)", "Ontvangt geen bijstandsuitkering (uitkeringsonafhankelijk)", "no benefit");

    /// <summary>The three register outcomes of the result files.</summary>
    public static IReadOnlyList<ReportOutcome> All { get; } = [PartialOrFull, Full, Independence];

    /// <summary>The English label of the outcome with <paramref name="key"/>, or the key itself when it is not one of <see cref="All"/>.</summary>
    public static string LabelOf(string key) => All.FirstOrDefault(o => o.Key == key)?.Label ?? key;
}
