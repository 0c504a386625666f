using System.Globalization;
using System.Text;
using Research.Statistics.Inference;

namespace Research.Statistics.Regression;

/// <summary>Builds coefficient rows from estimates and a covariance, and prints them.</summary>
internal static class CoefficientTable
{
    /// <summary>
    /// The rows; a coefficient without a positive variance fails the table unless <paramref name="undefined"/> collects a
    /// note for it (its SE, p and interval are then NaN). A coefficient in <paramref name="untested"/> was not asked for
    /// and has no variance: only its estimate is given. A variance within <paramref name="roundingFloor"/> of zero counts
    /// as zero.
    /// </summary>
    public static Coefficient[] Build(IReadOnlyList<string> names, IReadOnlyList<double> estimates, double[,] covariance, IReadOnlyList<double> df, double level, string varianceName,
        List<string>? undefined = null, IReadOnlySet<int>? untested = null, IReadOnlyList<double>? roundingFloor = null)
    {
        var rows = new Coefficient[names.Count];
        // A variance that should be zero comes out as ±1e-19 or so from rounding; when undefined SEs are allowed, a
        // variance below 1e-20 of the largest one counts as zero rather than as an absurdly precise estimate.
        var largest = Enumerable.Range(0, names.Count).Max(j => double.IsFinite(covariance[j, j]) && untested?.Contains(j) != true ? covariance[j, j] : 0);
        // The t quantile is MathNet's root search, about 80 ms of a report when it ran once per coefficient; most models
        // give every coefficient the same df, so it is found again only when the df changes.
        var quantile = (Df: double.NaN, Q: double.NaN);
        for (var j = 0; j < names.Count; j++)
        {
            if (untested is not null && untested.Contains(j))
            {
                rows[j] = new Coefficient(names[j], estimates[j], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
                continue;
            }

            var variance = covariance[j, j];

            // Zero up to rounding: its sign and size are the arithmetic's, not the data's, so neither may decide whether
            // the coefficient has a standard error, nor reach a message.
            var rounding = roundingFloor is not null && Math.Abs(variance) <= roundingFloor[j];
            var stated = rounding ? "zero up to rounding" : variance.ToString("G3", CultureInfo.InvariantCulture);
            if (rounding)
            {
                variance = 0;
            }

            if (undefined is not null && !(variance > 1e-20 * largest))
            {
                undefined.Add(string.Create(CultureInfo.InvariantCulture, $"The {varianceName} variance of '{names[j]}' is {stated}: its standard error is undefined (e.g. the outcome is constant in its arm), so it has no test or interval."));
                rows[j] = new Coefficient(names[j], estimates[j], double.NaN, double.NaN, df[j], double.NaN, double.NaN, double.NaN);
                continue;
            }

            if (!(variance > 0) || !double.IsFinite(variance))
            {
                throw new DegenerateModelException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {varianceName} variance of '{names[j]}' is {(rounding ? stated : variance.ToString(CultureInfo.InvariantCulture))}; its standard error is undefined (e.g. all its variation lies within one cluster, or too few clusters for the number of coefficients)."));
            }

            var se = Math.Sqrt(variance);
            var t = estimates[j] / se;
            if (!(df[j] > 0))
            {
                throw new DegenerateModelException(string.Create(
                    CultureInfo.InvariantCulture, $"The degrees of freedom of '{names[j]}' are {df[j]}; the model has no residual information."));
            }

            if (!quantile.Df.Equals(df[j]))
            {
                quantile = (df[j], ReferenceDistribution.CriticalValue(level, df[j]));
            }

            var q = quantile.Q;
            rows[j] = new Coefficient(names[j], estimates[j], se, t, df[j], ReferenceDistribution.TwoSidedP(t, df[j]), estimates[j] - (q * se), estimates[j] + (q * se));
        }

        return rows;
    }

    public static string Format(IEnumerable<Coefficient> rows, double level)
    {
        var list = rows.ToList();
        var width = Math.Max(12, list.Max(r => r.Name.Length));
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var pct = (level * 100).ToString("0.##", c);
        sb.Append(c, $"{"term".PadRight(width)} {"estimate",12} {"std.error",11} {"statistic",10} {"df",8} {"p",10}  [{pct}% CI]").AppendLine();
        foreach (var r in list)
        {
            var df = double.IsPositiveInfinity(r.DegreesOfFreedom) ? "inf" : r.DegreesOfFreedom.ToString("0.##", c);
            sb.Append(c, $"{r.Name.PadRight(width)} {r.Estimate,12:G6} {r.StandardError,11:G5} {r.Statistic,10:F3} {df,8} {FormatP(r.PValue),10}  [{r.ConfidenceLow:G5}, {r.ConfidenceHigh:G5}]").AppendLine();
        }

        return sb.ToString();
    }

    private static string FormatP(double p) => p < 1e-4 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("F4", CultureInfo.InvariantCulture);
}
