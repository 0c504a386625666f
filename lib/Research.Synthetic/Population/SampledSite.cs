using Research.Synthetic.Calibration;

namespace Research.Synthetic.Population;

/// <summary>The participants drawn for one experiment, with what the planted effects were derived from.</summary>
/// <param name="People">The participants in generation order.</param>
/// <param name="ExpectedTakeUp">The mean take-up probability over the participants (the same model in every treatment arm).</param>
/// <param name="TakerEffects">Per arm code, the register effect on those who take up (planted ITT / <paramref name="ExpectedTakeUp"/>).</param>
internal sealed record SampledSite(IReadOnlyList<SyntheticPerson> People, double ExpectedTakeUp, IReadOnlyDictionary<string, ArmEffect> TakerEffects);
