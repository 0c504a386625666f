using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Bootstrap;

/// <summary>
/// The restricted wild cluster bootstrap statistics as functions of the null value r. Every bootstrap t*_b(r) is
/// (N0_b − r·N1_b) / √(κ(PP_b − 2r·PQ_b + r²·QQ_b)) with five numbers per draw (Roodman et al. 2019, §3.3), so a
/// p-value at any r costs O(B) and inverting it into a confidence interval is cheap.
/// </summary>
internal sealed class BootstrapDistribution
{
    // Draws that reproduce the sample (v = ±1 gives t* = ±t exactly in exact arithmetic) must count as at least as
    // extreme despite rounding; the margin is √ε relative, as R's all.equal.
    private const double RelativeMargin = 1.4901161193847656e-8;

    private readonly double[] _n0;
    private readonly double[] _n1;
    private readonly double[] _pp;
    private readonly double[] _pq;
    private readonly double[] _qq;
    private readonly double _kappa;

    public BootstrapDistribution(double estimate, double standardError, double kappa, double[] n0, double[] n1, double[] pp, double[] pq, double[] qq)
    {
        Estimate = estimate;
        StandardError = standardError;
        _kappa = kappa;
        _n0 = n0;
        _n1 = n1;
        _pp = pp;
        _pq = pq;
        _qq = qq;
    }

    public double Estimate { get; }

    public double StandardError { get; }

    public int Count => _n0.Length;

    /// <summary>The observed CR1 t statistic of H₀: β_j = r.</summary>
    public double Statistic(double r) => (Estimate - r) / StandardError;

    /// <summary>t*_b(r); a draw whose bootstrap sample has no residual variation and no deviation gives 0.</summary>
    public double Draw(int b, double r)
    {
        var numerator = _n0[b] - (r * _n1[b]);
        var squares = Math.Max(0, _pp[b] - (2 * r * _pq[b]) + (r * r * _qq[b]));
        var t = numerator / Math.Sqrt(_kappa * squares);
        return double.IsNaN(t) ? 0 : t;
    }

    public double PValue(double r, BootstrapPValue type)
    {
        var t = Statistic(r);
        var margin = RelativeMargin * Math.Max(1, Math.Abs(t));
        long above = 0, below = 0, outside = 0;
        for (var b = 0; b < _n0.Length; b++)
        {
            var draw = Draw(b, r);
            if (Math.Abs(draw) >= Math.Abs(t) - margin)
            {
                outside++;
            }

            if (draw >= t - margin)
            {
                above++;
            }

            if (draw <= t + margin)
            {
                below++;
            }
        }

        return type == BootstrapPValue.Symmetric
            ? (double)outside / _n0.Length
            : Math.Min(1, 2.0 * Math.Min(above, below) / _n0.Length);
    }

    /// <summary>
    /// The confidence set {r : p(r) &gt; 1 − level} around the estimate. Each limit is found by stepping outward from the
    /// estimate in quarter standard errors (then doubling) to the first r with p(r) ≤ α, and bisecting the step to
    /// 1e-12 of the scale. Beyond each limit p is checked again over 4 standard errors; a rise above α means a confidence
    /// set that is not an interval, reported in <paramref name="notes"/>.
    /// </summary>
    public Interval Invert(double level, BootstrapPValue type, List<string> notes)
    {
        var alpha = 1 - level;
        if (PValue(Estimate, type) <= alpha)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The {type} p-value is at most {alpha:G3} even at the estimate, so the confidence set is empty."));
            return new Interval(double.NaN, double.NaN);
        }

        return new Interval(Limit(-1, alpha, type, notes), Limit(+1, alpha, type, notes));
    }

    private double Limit(int direction, double alpha, BootstrapPValue type, List<string> notes)
    {
        var step = StandardError / 4;
        var inside = Estimate;
        var outside = double.NaN;
        for (var k = 1; k <= 200; k++)
        {
            var distance = k <= 32 ? k * step : 8 * StandardError * Math.Pow(2, k - 32);
            var r = Estimate + (direction * distance);
            if (!double.IsFinite(r))
            {
                break;
            }

            if (PValue(r, type) > alpha)
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

        var tolerance = 1e-12 * (Math.Abs(Estimate) + StandardError);
        while (Math.Abs(outside - inside) > tolerance)
        {
            var middle = (inside + outside) / 2;
            if (middle == inside || middle == outside)
            {
                break;
            }

            if (PValue(middle, type) > alpha)
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
            if (PValue(beyond, type) > alpha)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The confidence set is not an interval: the p-value rises above {alpha:G3} again at {beyond:G6}, beyond the limit {limit:G6}; the interval reported is the part around the estimate."));
                break;
            }
        }

        return limit;
    }
}
