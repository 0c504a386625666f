using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Research.Statistics.Indices;

/// <summary>
/// Anderson's (2008) inverse-covariance-weighted summary index of several outcomes (e.g. the wellbeing instruments), a
/// single pre-specified primary outcome that needs no multiplicity correction across its components.
/// <code>
/// var index = SummaryIndex.Compute([new("who5", who5), new("k10", k10, HigherIsBetter: false), new("swls", swls)], isControl);
/// var effect = LinearModel.Fit(index.Values, design, VarianceEstimator.CR2(caseworker), new FitOptions { MissingValues = MissingValuePolicy.ListwiseDeletion });
/// </code>
/// </summary>
/// <remarks>
/// Steps (Anderson 2008, §3.1): flip components where lower is better; standardise each on the control group
/// (ỹ = (y − mean_C)/sd_C); estimate the covariance Σ̂ of the standardised components (pairwise-complete, over the sample
/// chosen in <see cref="SummaryIndexOptions.CovarianceSample"/>); weight component k by w_k, the k-th row sum of Σ̂⁻¹;
/// and take, for each respondent, the weighted mean over the components they have: ŝᵢ = Σ_{k∈Kᵢ} w_k ỹ_ik / Σ_{k∈Kᵢ} w_k.
/// Respondents missing some components thus keep an index from the others, as Anderson does. Highly correlated
/// components get less weight; a weight can even be negative, which the notes report. A respondent whose available
/// weights sum to zero or less has no index.
/// </remarks>
public static class SummaryIndex
{
    /// <summary>Computes the index.</summary>
    /// <param name="components">At least two components, each with one value per respondent.</param>
    /// <param name="isControl">True for respondents of the control group.</param>
    /// <param name="options">Covariance sample, scale, minimum number of components.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ; fewer than two components; duplicate names; a component with fewer than two control values or no
    /// variation in the control group; a covariance matrix that is not positive definite (components that are linear
    /// combinations of each other, or too few overlapping observations).
    /// </exception>
    public static SummaryIndexResult Compute(IReadOnlyList<IndexComponent> components, IReadOnlyList<bool> isControl, SummaryIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(isControl);
        options ??= SummaryIndexOptions.Default;
        var n = isControl.Count;
        Validate(components, n, options);
        var k = components.Count;

        var means = new double[k];
        var sds = new double[k];
        var standardised = new double[k][];
        for (var c = 0; c < k; c++)
        {
            var component = components[c];
            var control = Enumerable.Range(0, n).Where(i => isControl[i] && !double.IsNaN(component.Values[i])).Select(i => component.Values[i]).ToArray();
            if (control.Length < 2)
            {
                throw new ArgumentException($"Component '{component.Name}' has {control.Length} control-group values; at least 2 are needed to standardise it.", nameof(components));
            }

            means[c] = control.Average();
            sds[c] = Math.Sqrt(control.Sum(v => (v - means[c]) * (v - means[c])) / (control.Length - 1));
            if (!(sds[c] > 0))
            {
                throw new ArgumentException($"Component '{component.Name}' does not vary in the control group, so it cannot be standardised.", nameof(components));
            }

            var sign = component.HigherIsBetter ? 1 : -1;
            standardised[c] = component.Values.Select(v => sign * (v - means[c]) / sds[c]).ToArray();
        }

        var rows = Enumerable.Range(0, n).Where(i => options.CovarianceSample == IndexCovarianceSample.FullSample || isControl[i]).ToArray();
        var covariance = PairwiseCovariance(standardised, rows, components);
        Matrix<double> inverse;
        try
        {
            inverse = covariance.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(k));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The covariance matrix of the standardised components is not positive definite (a component is a linear combination of others, or pairs overlap in too few respondents); drop a component.", nameof(components), e);
        }

        var weights = Enumerable.Range(0, k).Select(r => inverse.Row(r).Sum()).ToArray();
        var notes = new List<string>();
        foreach (var c in Enumerable.Range(0, k).Where(c => weights[c] <= 0))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Component '{components[c].Name}' has weight {weights[c]:G4} (not positive): it is nearly redundant given the others."));
        }

        var (values, counts) = Weighted(standardised, weights, n, options.MinimumComponents);
        if (options.Scale == IndexScale.ControlStandardised)
        {
            Restandardise(values, isControl);
        }

        return new SummaryIndexResult(
            values, counts, components.Select(c => c.Name).ToArray(), weights, means, sds,
            Enumerable.Range(0, k).Select(r => (IReadOnlyList<double>)covariance.Row(r).ToArray()).ToArray(), notes);
    }

    private static void Validate(IReadOnlyList<IndexComponent> components, int n, SummaryIndexOptions options)
    {
        if (components.Count < 2)
        {
            throw new ArgumentException("A summary index needs at least two components.", nameof(components));
        }

        var duplicate = components.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Component name '{duplicate.Key}' occurs twice.", nameof(components));
        }

        foreach (var component in components)
        {
            if (component.Values.Count != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Component '{component.Name}' has {component.Values.Count} values but there are {n} respondents."), nameof(components));
            }

            if (component.Values.Any(double.IsInfinity))
            {
                throw new ArgumentException($"Component '{component.Name}' has an infinite value.", nameof(components));
            }
        }

        if (options.MinimumComponents < 1 || options.MinimumComponents > components.Count || !Enum.IsDefined(options.CovarianceSample) || !Enum.IsDefined(options.Scale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MinimumComponents must lie between 1 and the number of components; the covariance sample and scale must be known values.");
        }
    }

    /// <summary>Covariance of each pair over the rows where both are present (R's <c>cov(use = "pairwise.complete.obs")</c>).</summary>
    private static Matrix<double> PairwiseCovariance(double[][] z, int[] rows, IReadOnlyList<IndexComponent> components)
    {
        var k = z.Length;
        var result = Matrix<double>.Build.Dense(k, k);
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var both = rows.Where(i => !double.IsNaN(z[a][i]) && !double.IsNaN(z[b][i])).ToArray();
                if (both.Length < 2)
                {
                    throw new ArgumentException($"Components '{components[a].Name}' and '{components[b].Name}' are both present for fewer than 2 respondents of the covariance sample.", nameof(components));
                }

                var meanA = both.Average(i => z[a][i]);
                var meanB = both.Average(i => z[b][i]);
                result[a, b] = result[b, a] = both.Sum(i => (z[a][i] - meanA) * (z[b][i] - meanB)) / (both.Length - 1);
            }
        }

        return result;
    }

    private static (double[] Values, int[] Counts) Weighted(double[][] z, double[] weights, int n, int minimum)
    {
        var values = new double[n];
        var counts = new int[n];
        for (var i = 0; i < n; i++)
        {
            double sum = 0, total = 0;
            for (var c = 0; c < z.Length; c++)
            {
                if (!double.IsNaN(z[c][i]))
                {
                    sum += weights[c] * z[c][i];
                    total += weights[c];
                    counts[i]++;
                }
            }

            values[i] = counts[i] >= minimum && total > 0 ? sum / total : double.NaN;
        }

        return (values, counts);
    }

    private static void Restandardise(double[] values, IReadOnlyList<bool> isControl)
    {
        var control = values.Where((v, i) => isControl[i] && !double.IsNaN(v)).ToArray();
        var mean = control.Average();
        var sd = Math.Sqrt(control.Sum(v => (v - mean) * (v - mean)) / (control.Length - 1));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (values[i] - mean) / sd;
        }
    }
}
