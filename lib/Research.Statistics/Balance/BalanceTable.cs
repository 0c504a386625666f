using System.Globalization;
using System.Text;
using Research.Statistics.Design;
using Research.Statistics.Inference;
using Research.Statistics.Regression;

namespace Research.Statistics.Balance;

/// <summary>
/// Covariate balance between experimental arms: means and SDs by arm, standardized differences against the
/// control, and per treated arm a joint test. The joint test regresses the indicator "in this arm" on all
/// covariates (linear probability model on the rows of this arm and the control) and Wald-tests that every slope
/// is zero with the chosen variance (HC1 by default; pass a cluster-robust estimator when assignment was by
/// cluster) — an F test with n − k (or G − 1) denominator df.
/// </summary>
public sealed class BalanceTable
{
    private BalanceTable(IReadOnlyList<string> arms, IReadOnlyList<int> counts, IReadOnlyList<BalanceRow> rows, IReadOnlyList<WaldTestResult> tests)
    {
        Arms = arms;
        Counts = counts;
        Rows = rows;
        JointTests = tests;
    }

    /// <summary>Arms, control first, then the others ordinally.</summary>
    public IReadOnlyList<string> Arms { get; }

    /// <summary>Rows per arm, in <see cref="Arms"/> order.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>One row per covariate column.</summary>
    public IReadOnlyList<BalanceRow> Rows { get; }

    /// <summary>Per treated arm (Arms without the control), the joint test that the covariates do not predict assignment to it.</summary>
    public IReadOnlyList<WaldTestResult> JointTests { get; }

    /// <summary>Computes the table.</summary>
    /// <param name="arms">Assigned arm per row.</param>
    /// <param name="control">The control arm.</param>
    /// <param name="covariates">Covariates as a design without intercept (categoricals expanded to dummies); no missing values.</param>
    /// <param name="variance">Variance for the joint tests; <see cref="VarianceEstimator.HC1"/> when null. Cluster ids, if any, are per input row.</param>
    /// <exception cref="ArgumentException">Lengths differ, an intercept column, missing values, or the control absent.</exception>
    /// <exception cref="DegenerateModelException">A covariate constant in both arms of a comparison.</exception>
    public static BalanceTable Compute(IReadOnlyList<string?> arms, string control, DesignMatrix covariates, VarianceEstimator? variance = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(covariates);
        variance ??= VarianceEstimator.HC1;
        var n = covariates.RowCount;
        if (arms.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {arms.Count} arm labels but {n} covariate rows."), nameof(arms));
        }

        if (covariates.Terms.Any(t => t.Kind == TermKind.Intercept))
        {
            throw new ArgumentException("The covariate design must not contain an intercept; the balance regression adds its own.", nameof(covariates));
        }

        var missingArm = Enumerable.Range(0, n).FirstOrDefault(i => arms[i] is null, -1);
        if (missingArm >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {missingArm} has no arm."), nameof(arms));
        }

        var levels = arms.Select(a => a!).Distinct(StringComparer.Ordinal).ToList();
        if (!levels.Contains(control, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The control arm '{control}' does not occur; arms are {string.Join(", ", levels)}.", nameof(control));
        }

        var ordered = new List<string> { control };
        ordered.AddRange(levels.Where(l => l != control).Order(StringComparer.Ordinal));
        var members = ordered.Select(a => Enumerable.Range(0, n).Where(i => arms[i] == a).ToArray()).ToList();
        var rows = new List<BalanceRow>();
        for (var j = 0; j < covariates.ColumnCount; j++)
        {
            var column = covariates.Column(j).ToArray();
            var nan = Array.FindIndex(column, double.IsNaN);
            if (nan >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Covariate '{covariates.Names[j]}' is missing at row {nan}; a balance table needs complete covariates."), nameof(covariates));
            }

            var means = members.Select(m => m.Average(i => column[i])).ToArray();
            var sds = members.Select((m, a) => Math.Sqrt(m.Sum(i => (column[i] - means[a]) * (column[i] - means[a])) / (m.Length - 1))).ToArray();
            var smd = new double[ordered.Count - 1];
            for (var a = 1; a < ordered.Count; a++)
            {
                var pooled = Math.Sqrt(((sds[a] * sds[a]) + (sds[0] * sds[0])) / 2);
                if (!(pooled > 0))
                {
                    throw new DegenerateModelException($"Covariate '{covariates.Names[j]}' is constant in arms '{control}' and '{ordered[a]}'; its standardized difference is undefined. Drop it from the balance table.");
                }

                smd[a - 1] = (means[a] - means[0]) / pooled;
            }

            rows.Add(new BalanceRow(covariates.Names[j], means, sds, smd));
        }

        var tests = ordered.Skip(1).Select(arm => JointTest(arms, control, arm, covariates, variance)).ToList();
        return new BalanceTable(ordered, members.Select(m => m.Length).ToList(), rows, tests);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var width = Math.Max(12, Rows.Max(r => r.Covariate.Length));
        var sb = new StringBuilder();
        sb.Append("covariate".PadRight(width));
        foreach (var (arm, count) in Arms.Zip(Counts))
        {
            sb.Append(c, $" {$"{arm} (n={count})",22}");
        }

        foreach (var arm in Arms.Skip(1))
        {
            sb.Append(c, $" {"SMD " + arm,10}");
        }

        sb.AppendLine();
        foreach (var row in Rows)
        {
            sb.Append(row.Covariate.PadRight(width));
            for (var a = 0; a < Arms.Count; a++)
            {
                sb.Append(c, $" {$"{row.Means[a]:G5} ({row.StandardDeviations[a]:G4})",22}");
            }

            foreach (var d in row.StandardizedDifferences)
            {
                sb.Append(c, $" {d,10:F3}");
            }

            sb.AppendLine();
        }

        sb.AppendLine("SMD = (mean_arm - mean_control) / sqrt((var_arm + var_control) / 2); means with SD in parentheses.");
        foreach (var test in JointTests)
        {
            sb.AppendLine(test.ToString());
        }

        return sb.ToString();
    }

    private static WaldTestResult JointTest(IReadOnlyList<string?> arms, string control, string arm, DesignMatrix covariates, VarianceEstimator variance)
    {
        var n = covariates.RowCount;
        var keep = Enumerable.Range(0, n).Where(i => arms[i] == arm || arms[i] == control).ToArray();
        var builder = new DesignBuilder(keep.Length).Intercept();
        for (var j = 0; j < covariates.ColumnCount; j++)
        {
            var column = covariates.Column(j).ToArray();
            builder.Numeric(covariates.Names[j], keep.Select(i => column[i]).ToArray());
        }

        var indicator = keep.Select(i => arms[i] == arm ? 1.0 : 0.0).ToArray();
        var fit = LinearModel.Fit(indicator, builder.Build(), variance.Subset(keep), new FitOptions { OutcomeName = $"arm = {arm}" });
        var test = WaldTest.AllZero(fit, [.. covariates.Names]);
        return test with { Hypothesis = $"balance of {arm} vs {control} (all covariates 0 in the LPM of assignment, {variance})" };
    }
}
