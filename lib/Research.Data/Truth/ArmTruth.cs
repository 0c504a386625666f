namespace Research.Data.Truth;

/// <summary>Planted effects of one arm.</summary>
/// <param name="Arm">Arm code.</param>
/// <param name="Type">Intervention type label used by the synthesis.</param>
/// <param name="Effects">Effects per outcome and horizon.</param>
/// <param name="WellbeingTraitEffects">Planted shifts of latent wellbeing traits for those who take up, in SD units.</param>
public sealed record ArmTruth(string Arm, string Type, IReadOnlyList<PlantedEffect> Effects, IReadOnlyDictionary<string, double> WellbeingTraitEffects);
