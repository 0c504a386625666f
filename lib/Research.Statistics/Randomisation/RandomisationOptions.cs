namespace Research.Statistics.Randomisation;

/// <summary>Settings for <see cref="RandomisationTest.Run"/>.</summary>
/// <param name="Seed">Seed of the Xoshiro256** generator for Monte Carlo draws; explicit so that results reproduce.</param>
/// <param name="Draws">Number B of Monte Carlo re-randomisations.</param>
/// <param name="MaxExactAssignments">Enumerate all assignments when there are at most this many; otherwise draw.</param>
/// <param name="Alternative">Sidedness of the p-value.</param>
/// <param name="Strata">Stratum of each individual (assignment is permuted within strata); null for none.</param>
/// <param name="Clusters">Cluster of each individual (whole clusters are permuted); null for individual assignment.</param>
/// <param name="PermutedArms">
/// The arms whose units are re-randomised among themselves within each stratum, keeping the realised number of each
/// of these arms per stratum; units of every other arm keep their arm. Null permutes all arms. For one arm against
/// control in a multi-arm trial this is the design-based test of the sharp null of no difference between those two
/// arms only (see <see cref="RandomisationTest.ArmVersusControl"/>).
/// </param>
public sealed record RandomisationOptions(
    int Seed,
    int Draws = 10_000,
    long MaxExactAssignments = 100_000,
    Alternative Alternative = Alternative.TwoSided,
    IReadOnlyList<string>? Strata = null,
    IReadOnlyList<string>? Clusters = null,
    IReadOnlyList<int>? PermutedArms = null);
