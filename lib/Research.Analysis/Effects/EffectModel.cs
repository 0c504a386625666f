using Research.Statistics.Design;

namespace Research.Analysis.Effects;

/// <summary>An effect sample with its adjustment's design: what an <see cref="InferenceMethod"/> works on.</summary>
/// <param name="Sample">The persons and their outcome.</param>
/// <param name="Adjustment">The adjustment that made the design.</param>
/// <param name="Design">The design matrix.</param>
public sealed record EffectModel(EffectSample Sample, Adjustment Adjustment, DesignMatrix Design)
{
    /// <summary>The model of <paramref name="sample"/> under <paramref name="adjustment"/>.</summary>
    public static EffectModel Of(EffectSample sample, Adjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        return new(sample, adjustment, adjustment.Design(sample));
    }
}
