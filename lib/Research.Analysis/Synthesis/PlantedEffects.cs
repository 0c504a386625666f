using Research.Data.Truth;

namespace Research.Analysis.Synthesis;

/// <summary>
/// The effects the synthetic generator planted (<c>truth.json</c>), looked up by site, arm, outcome and horizon, so
/// estimates on synthetic data can be checked against what they estimate.
/// </summary>
public sealed class PlantedEffects
{
    private readonly Dictionary<(string Site, string Arm, string Outcome, int Horizon), PlantedEffect> _effects;

    /// <summary>Indexes a truth file.</summary>
    public PlantedEffects(TruthFile truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        Truth = truth;
        _effects = truth.Municipalities
            .SelectMany(m => m.Arms.SelectMany(a => a.Effects.Select(e => (Key: (m.Municipality, a.Arm, e.Outcome, e.HorizonMonths), Effect: e))))
            .ToDictionary(x => x.Key, x => x.Effect);
    }

    /// <summary>The truth file.</summary>
    public TruthFile Truth { get; }

    /// <summary>Reads <c>truth.json</c> from an extract directory, or returns null when the extracts carry none (real data).</summary>
    public static PlantedEffects? TryLoad(string extractDirectory)
    {
        var path = Path.Combine(extractDirectory, TruthFile.FileName);
        return File.Exists(path) ? new PlantedEffects(TruthFile.Load(path)) : null;
    }

    /// <summary>The planted ITT of <paramref name="estimate"/>'s arm, outcome and horizon; null when none was planted there.</summary>
    public double? Itt(SiteEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return _effects.TryGetValue((estimate.Site, estimate.Arm, estimate.Outcome, estimate.HorizonMonths), out var effect) ? effect.Itt : null;
    }

    /// <summary>The planted effect of a site's (combined) type effect: the arms' planted ITTs with the combination weights.</summary>
    public double? Itt(SiteTypeEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var arms = effect.Arms.Select(Itt).ToList();
        return arms.Any(a => a is null) ? null : effect.Arms.Select((_, i) => effect.Weights[i] * arms[i]!.Value).Sum();
    }
}
