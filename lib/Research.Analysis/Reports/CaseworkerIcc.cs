namespace Research.Analysis.Reports;

/// <summary>
/// The one-way ANOVA estimator of the intraclass correlation of an outcome within caseworkers,
/// ρ = (MSB − MSW) / (MSB + (m₀ − 1)·MSW) with m₀ = (N − Σnⱼ²/N)/(J − 1), truncated at 0 (a negative estimate means no
/// detectable clustering). It feeds the design effect of the minimum detectable effect.
/// </summary>
public static class CaseworkerIcc
{
    /// <summary>The estimate, the mean cluster size and the coefficient of variation of cluster sizes.</summary>
    /// <param name="values">Outcome per person.</param>
    /// <param name="clusters">Caseworker per person.</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than two caseworkers, or no caseworker has two persons.</exception>
    public static (double Icc, double MeanClusterSize, double SizeVariation) Estimate(IReadOnlyList<double> values, IReadOnlyList<string> clusters)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(clusters);
        if (values.Count != clusters.Count)
        {
            throw new ArgumentException($"{values.Count} values but {clusters.Count} caseworkers; need one caseworker per value", nameof(clusters));
        }

        var groups = values.Select((v, i) => (v, c: clusters[i])).GroupBy(x => x.c, StringComparer.Ordinal)
            .Select(g => g.Select(x => x.v).ToArray()).ToList();
        var n = values.Count;
        var j = groups.Count;
        if (j < 2 || n - j < 1)
        {
            throw new ArgumentException($"the intraclass correlation needs at least two caseworkers and one with two persons; got {j} caseworker(s) for {n} person(s)", nameof(clusters));
        }

        var grand = values.Average();
        var between = groups.Sum(g => g.Length * Math.Pow(g.Average() - grand, 2));
        var within = groups.Sum(g => { var m = g.Average(); return g.Sum(v => (v - m) * (v - m)); });
        var msb = between / (j - 1);
        var msw = within / (n - j);
        var m0 = (n - groups.Sum(g => (double)g.Length * g.Length) / n) / (j - 1);
        var denominator = msb + (m0 - 1) * msw;
        var icc = denominator > 0 ? Math.Max(0, (msb - msw) / denominator) : 0;
        var mean = (double)n / j;
        var sd = Math.Sqrt(groups.Sum(g => Math.Pow(g.Length - mean, 2)) / j);
        return (icc, mean, sd / mean);
    }
}
