using System.Globalization;
using System.Text.Json;
using Research.Statistics.Regression;

namespace Research.Bench.Statistics;

/// <summary>
/// OLS with CR1 standard errors and a logit on 1,000,000 × 20 (intercept, two arm dummies, 17 covariates; 2,000
/// clusters), against statsmodels on the same data (written to a binary file read by
/// bench/peers/regression_statsmodels.py with Debian's /usr/bin/python3). Prints best-of-N times, allocations,
/// peak working set, the time ratios and the largest relative difference of estimates and standard errors.
/// Arguments: [rows] [repeats] [--no-peer].
/// </summary>
public sealed class RegressionBenchmark : IBenchmark
{
    private const int Covariates = 17;
    private const int Clusters = 2000;

    /// <inheritdoc />
    public string Name => "regression";

    /// <inheritdoc />
    public string Description => "OLS + CR1 and logit on 1e6 x 20 vs statsmodels (ratio printed)";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var rows = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var repeats = args.Length > 1 && !args[1].StartsWith('-') ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var peer = !args.Contains("--no-peer");
        var data = BenchmarkData.Generate(rows, Covariates, Clusters, seed: 20261127);
        var design = data.Design();
        Console.WriteLine(FormattableString.Invariant($"regression benchmark: n = {rows:N0}, k = {design.ColumnCount}, clusters = {Clusters}, repeats = {repeats}"));

        LinearModelResult? ols = null;
        BinaryModelResult? logit = null;
        var olsTime = Measurement.BestOf(repeats, () => ols = LinearModel.Fit(data.Y, design, VarianceEstimator.CR1(data.Cluster)));
        Console.WriteLine($"  C#  OLS + CR1        {olsTime}");
        var logitTime = Measurement.BestOf(repeats, () => logit = BinaryModel.Logit(data.Binary, design, VarianceEstimator.Classical));
        Console.WriteLine($"  C#  logit            {logitTime}  ({logit!.Iterations} iterations)");

        if (!peer)
        {
            return 0;
        }

        var folder = Path.Combine(Path.GetTempPath(), "research-bench-regression");
        data.Write(folder);
        if (PythonPeer.Run("regression_statsmodels.py", folder, repeats.ToString(CultureInfo.InvariantCulture)) is not { } result)
        {
            return 1;
        }

        var pyOls = result.GetProperty("ols_seconds").GetDouble();
        var pyLogit = result.GetProperty("logit_seconds").GetDouble();
        var pyPeak = result.GetProperty("peak_rss_mib").GetDouble();
        Console.WriteLine(FormattableString.Invariant($"  py  OLS + cluster    {pyOls * 1000,10:F1} ms  (statsmodels, peak RSS of the python process {pyPeak:F1} MiB)"));
        Console.WriteLine(FormattableString.Invariant($"  py  logit            {pyLogit * 1000,10:F1} ms"));
        Console.WriteLine(FormattableString.Invariant($"  ratio statsmodels / C#: OLS + CR1 {pyOls / olsTime.Elapsed.TotalSeconds:F1}x, logit {pyLogit / logitTime.Elapsed.TotalSeconds:F1}x"));
        Console.WriteLine(FormattableString.Invariant(
            $"  agreement (max relative difference): OLS b {MaxRelative(ols!.Coefficients.Select(c => c.Estimate), result.GetProperty("ols_params")):E1}, OLS CR1 se {MaxRelative(ols.Coefficients.Select(c => c.StandardError), result.GetProperty("ols_bse")):E1}, logit b {MaxRelative(logit.Coefficients.Select(c => c.Estimate), result.GetProperty("logit_params")):E1}, logit se {MaxRelative(logit.Coefficients.Select(c => c.StandardError), result.GetProperty("logit_bse")):E1}"));
        return 0;
    }

    private static double MaxRelative(IEnumerable<double> ours, JsonElement theirs) =>
        ours.Zip(theirs.EnumerateArray().Select(e => e.GetDouble())).Max(p => Math.Abs(p.First - p.Second) / Math.Abs(p.Second));
}
