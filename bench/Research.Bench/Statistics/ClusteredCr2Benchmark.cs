using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Bench.Statistics;

/// <summary>
/// CR2 (Bell–McCaffrey, Satterthwaite degrees of freedom for the two arm contrasts) at the shape of a municipal report's
/// adjusted effect at national scale: 100,000 rows, 50 columns (intercept, two arms, 47 covariates) and 3,334 clusters
/// of about 30, unweighted and weighted; and the month-by-month shape (intercept and two arms only). Prints best-of-N
/// times of preparing the design (the per-cluster adjustments and degrees of freedom, once per design) and of one
/// outcome's fit. No peer: statsmodels has no CR2, and R (clubSandwich, estimatr) is not part of the bench's machine.
/// Arguments: [rows] [repeats].
/// </summary>
public sealed class ClusteredCr2Benchmark : IBenchmark
{
    private const int Covariates = 47;
    private const int ClusterSize = 30;

    /// <inheritdoc />
    public string Name => "cr2";

    /// <inheritdoc />
    public string Description => "CR2 preparation and fit at a national report's design (1e5 x 50, clusters of 30)";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var clusters = Math.Max(2, rows / ClusterSize);
        var data = BenchmarkData.Generate(rows, Covariates, clusters, seed: 20261201);
        var weights = Enumerable.Range(0, rows).Select(i => 0.5 + ((i * 7919) % 1000 / 666.0)).ToArray();
        Console.WriteLine(FormattableString.Invariant($"CR2 benchmark: n = {rows:N0}, clusters = {clusters:N0} (about {ClusterSize} rows each), repeats = {repeats}"));

        var full = data.Design();
        var arms = full.Names.Where(n => n.StartsWith("arm[", StringComparison.Ordinal)).ToArray();
        var armsOnly = new DesignBuilder(rows).Intercept().Treatment("arm", data.Arm, reference: "control").Build();
        foreach (var (label, design) in new[] { ("adjusted", full), ("arms only", armsOnly) })
        {
            foreach (var weighted in new[] { false, true })
            {
                var options = weighted ? new FitOptions { Weights = weights } : FitOptions.Default;
                FactoredDesign? factored = null;
                var prepare = Measurement.BestOf(repeats, () => factored = LinearModel.Factor(design, VarianceEstimator.CR2(data.Cluster), options, arms));
                var fit = Measurement.BestOf(repeats, () => factored!.Fit(data.Y));
                var name = FormattableString.Invariant($"k = {design.ColumnCount} ({label}), {(weighted ? "weighted" : "unweighted")}");
                Console.WriteLine($"  {name,-34} prepare {prepare}");
                Console.WriteLine($"  {string.Empty,-34} fit     {fit}");
            }
        }

        return 0;
    }
}
