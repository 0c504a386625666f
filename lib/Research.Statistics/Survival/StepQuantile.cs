namespace Research.Statistics.Survival;

/// <summary>R's <c>survival:::findq</c>: where a non-decreasing step function first reaches a level.</summary>
internal static class StepQuantile
{
    private const double Tolerance = 1.4901161193847656e-8; // √ε, R's default

    /// <summary>
    /// The time at which <paramref name="level"/> of the steps, starting from (0, 0), first reaches <paramref name="p"/>.
    /// Undefined (null) step values are skipped, except that a trailing one disables the last-point rule, as in R.
    /// </summary>
    public static double? Find(IReadOnlyList<SurvivalStep> steps, Func<SurvivalStep, double?> level, double p)
    {
        var x = new List<double> { 0 };
        var y = new List<double?> { 0 };
        var seen = new HashSet<double?> { 0 };
        foreach (var step in steps)
        {
            var value = level(step);
            if (seen.Add(value))
            {
                x.Add(step.Time);
                y.Add(value);
            }
        }

        var lastIsDefined = y[^1] is not null;
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < x.Count; i++)
        {
            if (y[i] is { } v)
            {
                xs.Add(x[i]);
                ys.Add(v);
            }
        }

        if (ys.Max() < p)
        {
            return null;
        }

        if (p == 0)
        {
            return xs[0];
        }

        var first = FirstAtLeast(ys, p - Tolerance);
        if (lastIsDefined && Math.Abs(p - ys[^1]) < Tolerance)
        {
            return first is { } f ? (xs[f] + steps[^1].Time) / 2 : null;
        }

        var second = FirstAtLeast(ys, p + Tolerance);
        return first is { } a && second is { } b ? (xs[a] + xs[b]) / 2 : null;
    }

    private static int? FirstAtLeast(List<double> values, double threshold)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] >= threshold)
            {
                return i;
            }
        }

        return null;
    }
}
