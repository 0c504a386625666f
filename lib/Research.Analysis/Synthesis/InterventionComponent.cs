using Research.Data.Design;

namespace Research.Analysis.Synthesis;

/// <summary>
/// A component an arm adds to the regular regime, as the additive component meta-regression models it: exemption,
/// intensified coaching, the earnings disregard and the full-time bonus. A combination arm carries several; a
/// self-chosen arm none that is randomised (it is left out of the component model).
/// </summary>
/// <param name="Key">Identifier in result tables and the moderator's name.</param>
/// <param name="Label">Name for readers (English, with the Dutch term).</param>
/// <param name="LabelNl">The Dutch name.</param>
/// <param name="Carries">Whether an arm carries the component.</param>
/// <param name="TypeKey">The intervention type whose type-level pool estimates the component alone, or null (the bonus never ran alone).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record InterventionComponent(string Key, string Label, string LabelNl, Func<ExperimentArm, bool> Carries, string? TypeKey)
{
    /// <summary>Exemption from work and re-integration obligations (ontheffing).</summary>
    public static InterventionComponent Exemption { get; } = new("exemption", "exemption (ontheffing)", "ontheffing", a => a.Interventions.Contains(InterventionType.Exemption), "exemption");

    /// <summary>Intensified coaching (intensivering).</summary>
    public static InterventionComponent Intensification { get; } = new("intensification", "intensified coaching (intensivering)", "intensivering", a => a.Interventions.Contains(InterventionType.Intensification), "intensification");

    /// <summary>The larger earnings disregard (vrijlating).</summary>
    public static InterventionComponent Disregard { get; } = new("earnings_disregard", "earnings disregard (vrijlating)", "vrijlating", a => a.Interventions.Contains(InterventionType.EarningsDisregard), "earnings_disregard");

    /// <summary>The bonus for working full time.</summary>
    public static InterventionComponent Bonus { get; } = new("bonus", "full-time bonus (voltijdbonus)", "voltijdbonus", a => a.FullTimeBonus, null);

    /// <summary>The components in the order the synthesis reports them.</summary>
    public static IReadOnlyList<InterventionComponent> All { get; } = [Exemption, Intensification, Disregard, Bonus];
}
