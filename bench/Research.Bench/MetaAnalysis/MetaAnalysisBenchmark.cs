using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Bench.MetaAnalysis;

/// <summary>REML random-effects fits with Knapp–Hartung and the Q-profile τ² interval, small and large k.</summary>
public sealed class MetaAnalysisBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "meta-reml";

    /// <inheritdoc />
    public string Description => "REML + Knapp-Hartung + Q-profile CI: 10,000 fits of k = 13 and 100 fits of k = 2,000 (args: seed)";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var options = new MetaAnalysisOptions(MetaAnalysisMethod.RestrictedMaximumLikelihood, PooledEstimateTest.KnappHartung);
        foreach (var (k, repeats) in new[] { (13, 10_000), (2_000, 100) })
        {
            var studies = Simulate(k, seed);
            MetaAnalyzer.Fit(studies, options); // warm-up
            double sink = 0;
            var m = Measurement.Of(() =>
            {
                for (var r = 0; r < repeats; r++)
                {
                    sink += MetaAnalyzer.Fit(studies, options).Heterogeneity.Tau2;
                }
            });
            Console.WriteLine(FormattableString.Invariant($"k = {k,5} x {repeats,6}: {m}  ({m.Elapsed.TotalMicroseconds / repeats:F1} us per fit, tau2 {sink / repeats:G6})"));
        }

        return 0;
    }

    private static StudyEffects Simulate(int k, int seed)
    {
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(seed);
        var variances = Enumerable.Range(0, k).Select(_ => 0.01 + 0.2 * random.NextDouble()).ToArray();
        var estimates = variances.Select(v => -0.3 + MathNet.Numerics.Distributions.Normal.Sample(random, 0, Math.Sqrt(v + 0.05))).ToArray();
        return StudyEffects.FromVariances(estimates, variances);
    }
}
