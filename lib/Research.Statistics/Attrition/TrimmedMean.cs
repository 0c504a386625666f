namespace Research.Statistics.Attrition;

/// <summary>The mean of the <c>keep</c> smallest or largest values, with a fractional weight on the boundary value when <c>keep</c> is not an integer.</summary>
/// <param name="Mean">The trimmed mean μ.</param>
/// <param name="Variance">The kept values' plug-in variance Σwᵢ(yᵢ − μ)²/Σwᵢ.</param>
/// <param name="Cut">The boundary value ξ: the last value kept.</param>
internal sealed record TrimmedMean(double Mean, double Variance, double Cut)
{
    /// <summary>Keeps <paramref name="keep"/> (0 &lt; keep ≤ m) values, dropping the rest from the top (<paramref name="fromTop"/>) or the bottom.</summary>
    public static TrimmedMean Of(double[] values, double keep, bool fromTop)
    {
        var sorted = values.Order().ToArray();
        if (!fromTop)
        {
            Array.Reverse(sorted);
        }

        var weights = new double[sorted.Length];
        var cut = sorted[0];
        for (var i = 0; i < sorted.Length; i++)
        {
            weights[i] = Math.Clamp(keep - i, 0, 1);
            if (weights[i] > 0)
            {
                cut = sorted[i];
            }
        }

        var mean = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            mean += weights[i] * sorted[i];
        }

        mean /= keep;
        var variance = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            variance += weights[i] * (sorted[i] - mean) * (sorted[i] - mean);
        }

        return new TrimmedMean(mean, variance / keep, cut);
    }
}
