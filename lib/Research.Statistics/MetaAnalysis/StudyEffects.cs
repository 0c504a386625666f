using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Validated per-study effect estimates and their sampling variances: the input to a meta-analysis.
/// Construct with <see cref="FromVariances"/> or <see cref="FromStandardErrors"/>.
/// </summary>
public sealed class StudyEffects
{
    private readonly double[] _estimates;
    private readonly double[] _variances;
    private readonly string[] _labels;

    private StudyEffects(double[] estimates, double[] variances, string[] labels)
    {
        _estimates = estimates;
        _variances = variances;
        _labels = labels;
    }

    /// <summary>Number of studies k.</summary>
    public int Count => _estimates.Length;

    /// <summary>Effect estimates yᵢ (e.g. log risk ratios, ITT differences).</summary>
    public IReadOnlyList<double> Estimates => Array.AsReadOnly(_estimates);

    /// <summary>Sampling variances vᵢ (squared standard errors), all strictly positive.</summary>
    public IReadOnlyList<double> Variances => Array.AsReadOnly(_variances);

    /// <summary>Study labels; "Study 1", "Study 2", ... when none were given.</summary>
    public IReadOnlyList<string> Labels => Array.AsReadOnly(_labels);

    /// <summary>Studies from estimates and sampling variances.</summary>
    /// <param name="estimates">Effect estimates, finite.</param>
    /// <param name="variances">Sampling variances, finite and strictly positive, same length as <paramref name="estimates"/>.</param>
    /// <param name="labels">Optional study labels, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no studies, or a value is not finite or a variance is not positive.</exception>
    public static StudyEffects FromVariances(IReadOnlyList<double> estimates, IReadOnlyList<double> variances, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(variances);
        if (estimates.Count == 0)
        {
            throw new ArgumentException("At least one study is needed; the estimates are empty.", nameof(estimates));
        }

        if (variances.Count != estimates.Count)
        {
            throw new ArgumentException($"Expected {estimates.Count} variances (one per estimate) but got {variances.Count}.", nameof(variances));
        }

        if (labels is not null && labels.Count != estimates.Count)
        {
            throw new ArgumentException($"Expected {estimates.Count} labels (one per estimate) but got {labels.Count}.", nameof(labels));
        }

        for (var i = 0; i < estimates.Count; i++)
        {
            if (!double.IsFinite(estimates[i]))
            {
                throw new ArgumentException($"Estimate {i} ({Name(labels, i)}) is {Show(estimates[i])}; estimates must be finite.", nameof(estimates));
            }

            if (!double.IsFinite(variances[i]) || variances[i] <= 0)
            {
                throw new ArgumentException($"Variance {i} ({Name(labels, i)}) is {Show(variances[i])}; sampling variances must be finite and strictly positive.", nameof(variances));
            }
        }

        var names = labels?.ToArray() ?? Enumerable.Range(1, estimates.Count).Select(i => "Study " + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new StudyEffects(estimates.ToArray(), variances.ToArray(), names);
    }

    /// <summary>Studies from estimates and standard errors (variances are their squares).</summary>
    /// <param name="estimates">Effect estimates, finite.</param>
    /// <param name="standardErrors">Standard errors, finite and strictly positive, same length as <paramref name="estimates"/>.</param>
    /// <param name="labels">Optional study labels, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no studies, or a value is not finite or a standard error is not positive.</exception>
    public static StudyEffects FromStandardErrors(IReadOnlyList<double> estimates, IReadOnlyList<double> standardErrors, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(standardErrors);
        for (var i = 0; i < standardErrors.Count; i++)
        {
            if (!double.IsFinite(standardErrors[i]) || standardErrors[i] <= 0)
            {
                throw new ArgumentException($"Standard error {i} ({Name(labels, i)}) is {Show(standardErrors[i])}; standard errors must be finite and strictly positive.", nameof(standardErrors));
            }
        }

        return FromVariances(estimates, standardErrors.Select(s => s * s).ToArray(), labels);
    }

    /// <summary>The studies at the given positions, in that order.</summary>
    internal StudyEffects Subset(IReadOnlyList<int> indices) =>
        new(indices.Select(i => _estimates[i]).ToArray(), indices.Select(i => _variances[i]).ToArray(), indices.Select(i => _labels[i]).ToArray());

    internal ReadOnlySpan<double> EstimateSpan => _estimates;

    internal ReadOnlySpan<double> VarianceSpan => _variances;

    private static string Name(IReadOnlyList<string>? labels, int i) =>
        labels is not null && i < labels.Count ? "\"" + labels[i] + "\"" : "no label";

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
