using System.Globalization;

namespace Research.Statistics.Randomisation;

/// <summary>Outcome of a randomisation (permutation) test.</summary>
/// <param name="Observed">The statistic under the actual assignment, T.</param>
/// <param name="PValue">
/// Exact: #{T* at least as extreme as T}/N over all N assignments (the actual one included).
/// Monte Carlo: (1 + #{T* at least as extreme})/(1 + B) over B random assignments, which is a valid p-value for any B.
/// </param>
/// <param name="Method">Exact enumeration or Monte Carlo.</param>
/// <param name="Alternative">Sidedness.</param>
/// <param name="AssignmentCount">N for exact, B for Monte Carlo.</param>
/// <param name="ExtremeCount">Number of evaluated assignments at least as extreme as the observed one.</param>
/// <param name="Seed">The seed used (relevant for Monte Carlo only).</param>
/// <param name="Distribution">The statistic under every evaluated assignment, in evaluation order.</param>
public sealed record RandomisationResult(double Observed, double PValue, RandomisationMethod Method, Alternative Alternative, long AssignmentCount, long ExtremeCount, int Seed, IReadOnlyList<double> Distribution)
{
    /// <inheritdoc />
    public override string ToString() => Method == RandomisationMethod.Exact
        ? string.Create(CultureInfo.InvariantCulture, $"Randomisation test ({Alternative}, exact over {AssignmentCount} assignments): T = {Observed:G6}, p = {PValue:G4}")
        : string.Create(CultureInfo.InvariantCulture, $"Randomisation test ({Alternative}, Monte Carlo, B = {AssignmentCount}, seed {Seed}): T = {Observed:G6}, p = {PValue:G4}");
}
