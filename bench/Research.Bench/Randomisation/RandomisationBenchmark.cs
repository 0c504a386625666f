using System.Globalization;
using Research.Statistics.Randomisation;

namespace Research.Bench.Randomisation;

/// <summary>Monte Carlo randomisation test of a difference in means, stratified, for a realistic experiment size.</summary>
public sealed class RandomisationBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "randomisation-mc";

    /// <inheritdoc />
    public string Description => "Stratified Monte Carlo randomisation test, n = 2,000 in 10 strata, B = 10,000 (args: n draws)";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var draws = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(42);
        var assignment = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var strata = Enumerable.Range(0, n).Select(i => "s" + (i % 20 / 2).ToString(CultureInfo.InvariantCulture)).ToArray();
        var y = assignment.Select(z => 0.05 * z + random.NextDouble()).ToArray();

        RandomisationResult? result = null;
        var m = Measurement.Of(() => result = RandomisationTest.Run(assignment, TestStatistics.DifferenceInMeans(y), new RandomisationOptions(Seed: 7, Draws: draws, Strata: strata)));
        Console.WriteLine(FormattableString.Invariant($"n = {n}, B = {draws}: {m}  ({m.Elapsed.TotalMicroseconds / draws:F2} us per draw); {result}"));
        return 0;
    }
}
