using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Inference;

/// <summary>
/// A confidence set by test inversion, {r : p(r) &gt; α}, for p-value functions that are step functions of the null
/// value r (bootstrap and randomisation tests) and equal one at the estimate. Each limit is found by stepping outward
/// from the estimate in quarter scale units (then doubling) to the first r with p(r) ≤ α and bisecting the step to
/// 1e-12 of the scale. Beyond each limit p is checked again over 4 scale units; a rise above α means a confidence set
/// that is not an interval, which is reported.
/// </summary>
internal static class PValueInversion
{
    /// <summary>The interval around <paramref name="estimate"/>; NaN limits when p(estimate) ≤ α (an empty set).</summary>
    /// <param name="pValue">p(r).</param>
    /// <param name="estimate">Where p is largest.</param>
    /// <param name="scale">A standard error: the unit of the search steps, positive.</param>
    /// <param name="alpha">1 − level.</param>
    /// <param name="what">Names the p-value in notes, e.g. <c>Symmetric p-value</c>.</param>
    /// <param name="notes">Receives remarks: empty, unbounded or non-interval sets.</param>
    public static Interval Invert(Func<double, double> pValue, double estimate, double scale, double alpha, string what, List<string> notes)
    {
        // α = 1 − level carries rounding (1 − 0.9 = 0.0999…98), which would keep a p-value of exactly 0.1 inside.
        alpha = Math.Round(alpha, 12);
        if (pValue(estimate) <= alpha)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The {what} is at most {alpha:G3} even at the estimate, so the confidence set is empty."));
            return new Interval(double.NaN, double.NaN);
        }

        return new Interval(Limit(pValue, estimate, scale, -1, alpha, notes), Limit(pValue, estimate, scale, +1, alpha, notes));
    }

    private static double Limit(Func<double, double> pValue, double estimate, double scale, int direction, double alpha, List<string> notes)
    {
        var step = scale / 4;
        var inside = estimate;
        var outside = double.NaN;
        for (var k = 1; k <= 200; k++)
        {
            var distance = k <= 32 ? k * step : 8 * scale * Math.Pow(2, k - 32);
            var r = estimate + (direction * distance);
            if (!double.IsFinite(r))
            {
                break;
            }

            if (pValue(r) > alpha)
            {
                inside = r;
            }
            else
            {
                outside = r;
                break;
            }
        }

        if (double.IsNaN(outside))
        {
            notes.Add(direction < 0 ? "The confidence set is unbounded below." : "The confidence set is unbounded above.");
            return direction * double.PositiveInfinity;
        }

        var tolerance = 1e-12 * (Math.Abs(estimate) + scale);
        while (Math.Abs(outside - inside) > tolerance)
        {
            var middle = (inside + outside) / 2;
            if (middle == inside || middle == outside)
            {
                break;
            }

            if (pValue(middle) > alpha)
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        var limit = (inside + outside) / 2;
        for (var k = 1; k <= 16; k++)
        {
            var beyond = limit + (direction * k * step);
            if (pValue(beyond) > alpha)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The confidence set is not an interval: the p-value rises above {alpha:G3} again at {beyond:G6}, beyond the limit {limit:G6}; the interval reported is the part around the estimate."));
                break;
            }
        }

        return limit;
    }
}
