using MathNet.Numerics.Distributions;

namespace Research.Statistics.Survival;

/// <summary>
/// Kaplan–Meier estimation for right-censored times (e.g. months until outflow from assistance), with Greenwood
/// standard errors and pointwise confidence intervals, matching R's <c>survival::survfit</c>.
/// </summary>
public static class KaplanMeier
{
    /// <summary>Estimates one survival curve.</summary>
    /// <param name="times">Observed times, finite and non-negative.</param>
    /// <param name="events">True where the event happened at that time, false where the observation was censored.</param>
    /// <param name="confidenceLevel">Level of the pointwise intervals.</param>
    /// <param name="transform">Scale of the intervals; log-log by default (R's default is log).</param>
    /// <exception cref="ArgumentException">Lengths differ, no observations, or a time is negative or not finite.</exception>
    public static SurvivalCurve Fit(IReadOnlyList<double> times, IReadOnlyList<bool> events, double confidenceLevel = 0.95, SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.LogLog)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be strictly between 0 and 1, e.g. 0.95.");
        }

        if (!Enum.IsDefined(transform))
        {
            throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown confidence-interval transform.");
        }

        return Fit(SurvivalSample.Create(times, events), confidenceLevel, transform);
    }

    /// <summary>Estimates one survival curve per group, groups in ordinal order of their labels.</summary>
    /// <param name="times">Observed times, finite and non-negative.</param>
    /// <param name="events">True where the event happened, false where censored.</param>
    /// <param name="groups">Group label of each observation.</param>
    /// <param name="confidenceLevel">Level of the pointwise intervals.</param>
    /// <param name="transform">Scale of the intervals.</param>
    /// <exception cref="ArgumentException">Lengths differ, a label is missing, or a time is invalid.</exception>
    public static IReadOnlyList<GroupSurvivalCurve> FitByGroup(IReadOnlyList<double> times, IReadOnlyList<bool> events, IReadOnlyList<string> groups, double confidenceLevel = 0.95, SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.LogLog)
    {
        var sample = SurvivalSample.Create(times, events);
        return SurvivalSample.Groups(groups, sample.Count)
            .Select(g => new GroupSurvivalCurve(g.Group, Fit(g.Indices.Select(i => sample.Times[i]).ToArray(), g.Indices.Select(i => sample.Events[i]).ToArray(), confidenceLevel, transform)))
            .ToArray();
    }

    private static SurvivalCurve Fit(SurvivalSample sample, double confidenceLevel, SurvivalConfidenceTransform transform)
    {
        var z = Normal.InvCDF(0, 1, 0.5 + confidenceLevel / 2);
        var steps = new List<SurvivalStep>();
        double survival = 1, greenwood = 0;
        foreach (var (time, atRisk, events, censored) in sample.RiskSets())
        {
            if (events > 0)
            {
                survival *= 1 - (double)events / atRisk;
                greenwood = events == atRisk ? double.PositiveInfinity : greenwood + events / ((double)atRisk * (atRisk - events));
            }

            double? se = survival > 0 ? Math.Sqrt(greenwood) : null;
            var (lower, upper) = se is { } s ? Limits(survival, s, z, transform) : (null, null);
            steps.Add(new SurvivalStep(time, atRisk, events, censored, survival, se, lower, upper));
        }

        return new SurvivalCurve(steps, confidenceLevel, transform);
    }

    /// <summary>R's <c>survfit_confint</c> with the standard error of log Ŝ.</summary>
    private static (double? Lower, double? Upper) Limits(double survival, double logSe, double z, SurvivalConfidenceTransform transform)
    {
        switch (transform)
        {
            case SurvivalConfidenceTransform.Plain:
                var half = z * logSe * survival;
                return (Math.Max(survival - half, 0), Math.Min(survival + half, 1));
            case SurvivalConfidenceTransform.Log:
                return (survival * Math.Exp(-z * logSe), Math.Min(survival * Math.Exp(z * logSe), 1));
            default:
                if (survival >= 1)
                {
                    return (null, null);
                }

                var logMinusLog = Math.Log(-Math.Log(survival));
                var shift = z * logSe / Math.Log(survival);
                return (Math.Exp(-Math.Exp(logMinusLog - shift)), Math.Exp(-Math.Exp(logMinusLog + shift)));
        }
    }
}
