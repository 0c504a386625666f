using System.Globalization;
using MathNet.Numerics.RootFinding;

namespace Research.Statistics.Power;

/// <summary>
/// Power, minimum detectable effect and sample size for a two-sided comparison of two means or proportions.
/// With SE = σ·√(DEFF_T/n_T + DEFF_C/n_C), the power for a true effect δ depends on λ = δ/SE only: for the z test it is
/// Φ(λ − z) + Φ(−λ − z), z = Φ⁻¹(1 − α/2), both rejection tails included (as statsmodels <c>NormalIndPower</c>); for the
/// t test it is the noncentral-t analogue with the design's degrees of freedom (see <see cref="PowerTest"/>).
/// The MDE is λ*·SE where λ* gives the target power; for the z test λ* is slightly below the textbook
/// z + Φ⁻¹(power), which drops the far tail.
/// </summary>
public static class PowerCalculator
{
    /// <summary>Probability that the two-sided test at level <paramref name="alpha"/> rejects when the true effect is <paramref name="effect"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> not in (0, 1) or <paramref name="effect"/> not finite.</exception>
    /// <exception cref="ArgumentException">The t test is asked for and the design has no degrees of freedom left.</exception>
    public static double Power(TwoArmDesign design, Outcome outcome, double effect, double alpha = 0.05, PowerTest test = PowerTest.Normal)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outcome);
        CheckAlpha(alpha);
        if (!double.IsFinite(effect))
        {
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect must be finite.");
        }

        return PowerCurve.At(Math.Abs(effect) / StandardError(design, outcome), alpha, DegreesOfFreedom(design, test));
    }

    /// <summary>The smallest true effect detected with probability <paramref name="power"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> not in (0, 1), or <paramref name="power"/> not in (α, 1).</exception>
    /// <exception cref="ArgumentException">The t test is asked for and the design has no degrees of freedom left.</exception>
    public static DetectableEffect MinimumDetectableEffect(TwoArmDesign design, Outcome outcome, double alpha = 0.05, double power = 0.8, PowerTest test = PowerTest.Normal)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outcome);
        CheckAlphaAndPower(alpha, power);
        var se = StandardError(design, outcome);
        return new DetectableEffect(design, outcome, alpha, power, test, PowerCurve.DistanceFor(alpha, power, DegreesOfFreedom(design, test)) * se, se);
    }

    /// <summary>Individuals per arm needed to detect <paramref name="effect"/> with probability <paramref name="power"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="effect">The effect to detect (sign ignored), non-zero.</param>
    /// <param name="alpha">Two-sided significance level.</param>
    /// <param name="power">Target power, in (α, 1).</param>
    /// <param name="clustering">Cluster randomisation; none when null.</param>
    /// <param name="allocationRatio">n_T / n_C, positive.</param>
    /// <param name="test">z or t test; for the t test the degrees of freedom grow with n (except with a fixed number of clusters).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// With a fixed number of clusters, the effect is below the MDE that infinitely large clusters would give
    /// (λ*·σ·√(2ρ(1 + CV²)/J)): no sample size reaches it; the message gives that limit.
    /// </exception>
    public static RequiredSampleSize SampleSize(Outcome outcome, double effect, double alpha = 0.05, double power = 0.8, Clustering? clustering = null, double allocationRatio = 1, PowerTest test = PowerTest.Normal)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!double.IsFinite(effect) || effect == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect to detect must be finite and non-zero.");
        }

        if (!double.IsFinite(allocationRatio) || allocationRatio <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(allocationRatio), allocationRatio, "The allocation ratio n_T/n_C must be finite and positive.");
        }

        if (!Enum.IsDefined(test))
        {
            throw new ArgumentOutOfRangeException(nameof(test), test, "Unknown power test.");
        }

        CheckAlphaAndPower(alpha, power);
        clustering ??= Clustering.None;

        // With a fixed number of clusters the degrees of freedom, hence λ*, do not depend on n: closed form.
        if (test == PowerTest.Normal || clustering.ClustersPerArm is not null)
        {
            double? df = test == PowerTest.Normal ? null : clustering.DegreesOfFreedom(0, 0);
            return Sized(clustering, allocationRatio, ControlSizeFor(outcome, effect, clustering, allocationRatio, PowerCurve.DistanceFor(alpha, power, df)));
        }

        // Otherwise df = (n_T + n_C)/m − 2 grows with n: solve power(n_C) = target, starting above the z-test answer.
        // The t test needs (n_T + n_C)/m > 2 randomised units; the search starts at df ≥ 1 and, for huge effects, goes
        // down to df = 1/2.
        var controlPerUnit = clustering.MeanClusterSize!.Value / (1 + allocationRatio);
        var zAnswer = ControlSizeFor(outcome, effect, clustering, allocationRatio, PowerCurve.DistanceFor(alpha, power, null));
        var lower = Math.Max(zAnswer, 3 * controlPerUnit);
        double PowerAt(double nControl)
        {
            var nTreatment = allocationRatio * nControl;
            var se = outcome.StandardDeviation * Math.Sqrt(clustering.DesignEffect(nTreatment) / nTreatment + clustering.DesignEffect(nControl) / nControl);
            return PowerCurve.At(Math.Abs(effect) / se, alpha, clustering.DegreesOfFreedom(nTreatment, nControl)) - power;
        }

        if (PowerAt(lower) >= 0)
        {
            return Sized(clustering, allocationRatio, Brent.FindRoot(PowerAt, 2.5 * controlPerUnit, lower, 1e-10, 200));
        }

        var upper = 2 * lower;
        while (PowerAt(upper) < 0)
        {
            upper *= 2;
        }

        return Sized(clustering, allocationRatio, Brent.FindRoot(PowerAt, lower, upper, 1e-10, 200));
    }

    /// <summary>The control-arm size at which λ·SE equals the effect, SE from the design-effect formula.</summary>
    private static double ControlSizeFor(Outcome outcome, double effect, Clustering clustering, double allocationRatio, double lambda)
    {
        var requiredVariance = Math.Pow(Math.Abs(effect) / lambda, 2) / outcome.Variance; // SE²/σ² to reach
        var arms = 1 + 1 / allocationRatio;
        var rho = clustering.IntraclassCorrelation;
        var sizeFactor = 1 + clustering.ClusterSizeVariation * clustering.ClusterSizeVariation;
        if (clustering.MeanClusterSize is { } m)
        {
            return (1 + (sizeFactor * m - 1) * rho) * arms / requiredVariance;
        }

        // DEFF(n)/n = (1 − ρ)/n + ρ(1 + CV²)/J: the second term does not shrink with n.
        var floor = 2 * rho * sizeFactor / clustering.ClustersPerArm!.Value;
        if (requiredVariance <= floor)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"An effect of {effect:G4} cannot be detected with {clustering.ClustersPerArm} clusters per arm at ICC {rho:G4}: even infinitely large clusters give an MDE of {lambda * Math.Sqrt(floor * outcome.Variance):G4}. Add clusters."), nameof(effect));
        }

        return (1 - rho) * arms / (requiredVariance - floor);
    }

    private static RequiredSampleSize Sized(Clustering clustering, double allocationRatio, double controlSize)
    {
        var treatmentSize = allocationRatio * controlSize;
        var achievedVariance = clustering.DesignEffect(treatmentSize) / treatmentSize + clustering.DesignEffect(controlSize) / controlSize;
        return new RequiredSampleSize((int)Math.Ceiling(treatmentSize), (int)Math.Ceiling(controlSize), controlSize, achievedVariance / (1 / treatmentSize + 1 / controlSize));
    }

    private static double StandardError(TwoArmDesign design, Outcome outcome) => outcome.StandardDeviation * design.StandardErrorFactor;

    private static double? DegreesOfFreedom(TwoArmDesign design, PowerTest test)
    {
        if (!Enum.IsDefined(test))
        {
            throw new ArgumentOutOfRangeException(nameof(test), test, "Unknown power test.");
        }

        if (test == PowerTest.Normal)
        {
            return null;
        }

        var df = design.DegreesOfFreedom;
        if (df <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The t test needs more than two randomised units; {design} leaves {df:G4} degrees of freedom."), nameof(design));
        }

        return df;
    }

    private static void CheckAlphaAndPower(double alpha, double power)
    {
        CheckAlpha(alpha);
        if (!(power > alpha && power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, string.Create(CultureInfo.InvariantCulture, $"The power must be above alpha ({alpha:G3}) and below 1."));
        }
    }

    private static void CheckAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The significance level alpha must be strictly between 0 and 1, e.g. 0.05.");
        }
    }
}
