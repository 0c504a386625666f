using Research.Statistics.Design;

namespace Research.Statistics.Bootstrap;

/// <summary>Settings of <see cref="WildClusterBootstrap"/>.</summary>
/// <param name="Seed">Seed of the Xoshiro256** generator for random draws; explicit so that results reproduce.</param>
/// <param name="Draws">
/// Number B of bootstrap draws. When the weight distribution has at most B distinct draws (2^G Rademacher, 6^G Webb)
/// every draw is enumerated once instead, and the result does not depend on the seed.
/// </param>
/// <param name="Weights">The multiplier distribution.</param>
/// <param name="IntervalPValue">Which p-value the confidence interval inverts.</param>
/// <param name="ConfidenceLevel">Level of the interval, in (0, 1).</param>
/// <param name="NullValue">The null hypothesis β_j = NullValue whose p-value is reported.</param>
/// <param name="MissingValues">What to do with rows with a missing outcome, covariate or cluster id.</param>
public sealed record WildBootstrapOptions(
    int Seed,
    int Draws = 9999,
    WildWeights Weights = WildWeights.Rademacher,
    BootstrapPValue IntervalPValue = BootstrapPValue.Symmetric,
    double ConfidenceLevel = 0.95,
    double NullValue = 0,
    MissingValuePolicy MissingValues = MissingValuePolicy.Error);
