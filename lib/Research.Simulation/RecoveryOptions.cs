using Research.Analysis.Outcomes;

namespace Research.Simulation;

/// <summary>What <see cref="RecoveryCheck"/> runs.</summary>
public sealed record RecoveryOptions
{
    /// <summary>Independent draws of the experiments (seeds <see cref="FirstSeed"/>, +1, …).</summary>
    public int Seeds { get; init; } = 40;

    /// <summary>The first generator seed.</summary>
    public ulong FirstSeed { get; init; } = 1_000;

    /// <summary>The sites checked.</summary>
    public IReadOnlyList<string> Sites { get; init; } = ["utrecht", "groningen"];

    /// <summary>The outcome at each site's primary horizon.</summary>
    public Outcome Outcome { get; init; } = Outcome.PartialOrFullOutflow;

    /// <summary>An arm fails when its mean estimation error is more than this many Monte Carlo standard errors from zero.</summary>
    public double Limit { get; init; } = 4;
}
