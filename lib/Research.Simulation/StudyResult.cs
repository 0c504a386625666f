namespace Research.Simulation;

/// <summary>Every draw of a coverage-and-size study, in replication order.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Effects">Per replication, world, site, outcome, method and arm.</param>
/// <param name="Families">Per replication, world, site and method: the primary family after Holm.</param>
/// <param name="Wellbeing">Per replication, world, site and arm: the wellbeing index under attrition.</param>
/// <param name="Failures">Why estimates could not be made, with how often.</param>
/// <param name="Designs">Each site's design as drawn in the first replication.</param>
public sealed record StudyResult(
    StudyOptions Options,
    IReadOnlyList<SiteDesign> Designs,
    IReadOnlyList<EffectDraw> Effects,
    IReadOnlyList<FamilyDraw> Families,
    IReadOnlyList<WellbeingDraw> Wellbeing,
    IReadOnlyList<FailureCount> Failures);
