using System.Globalization;

namespace Research.Statistics.Multiplicity;

/// <summary>
/// Multiple-testing adjustments of a family of p-values (e.g. across arms and outcomes), identical to R's
/// <c>p.adjust</c>. Adjusted values are returned in the input order.
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Holm's step-down adjustment (controls the family-wise error rate): p₍ᵢ₎ × (m − i + 1), made monotone, capped at 1.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var m = Validate(pValues);
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up adjustment (controls the false discovery rate): min over j ≥ i of p₍ⱼ₎ m / j, capped at 1.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var m = Validate(pValues);
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, (double)m / (rank + 1) * pValues[order[rank]]);
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    private static int Validate(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Count == 0)
        {
            throw new ArgumentException("At least one p-value is needed.", nameof(pValues));
        }

        for (var i = 0; i < pValues.Count; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"p-values must lie in [0, 1]; element {i} is {pValues[i]}."), nameof(pValues));
            }
        }

        return pValues.Count;
    }
}
