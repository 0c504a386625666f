using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Research.Statistics.Power;

/// <summary>Two-sided power as a function of the standardised distance λ = δ/SE, for the z or the t test.</summary>
internal static class PowerCurve
{
    // The chi distribution of √(χ²_ν) has SD below 1/√2, so ±12 around √ν holds all but ~1e-60 of its mass.
    private const double ChiHalfWidth = 12;

    /// <summary>Power at distance <paramref name="lambda"/>; <paramref name="degreesOfFreedom"/> null for the z test.</summary>
    public static double At(double lambda, double alpha, double? degreesOfFreedom)
    {
        if (degreesOfFreedom is not { } df)
        {
            var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
            return Normal.CDF(0, 1, lambda - z) + Normal.CDF(0, 1, -lambda - z);
        }

        // T' = (Z + λ)/(S/√ν) with S ~ chi(ν): conditioning on S gives P(|T'| > c) = E[Φ(λ − cS/√ν) + Φ(−λ − cS/√ν)].
        // MathNet has no noncentral t, so the expectation is integrated (adaptive Gauss–Kronrod).
        var c = StudentT.InvCDF(0, 1, df, 1 - alpha / 2);
        var root = Math.Sqrt(df);
        double Integrand(double s) => (Normal.CDF(0, 1, lambda - c * s / root) + Normal.CDF(0, 1, -lambda - c * s / root)) * Chi.PDF(df, s);
        // A 1e-12 target is reached in a few subdivisions; tighter targets hit rounding and subdivide to exhaustion.
        return Integrate.GaussKronrod(Integrand, Math.Max(0, root - ChiHalfWidth), root + ChiHalfWidth, 1e-12, 12, 61);
    }

    /// <summary>λ ≥ 0 with power <paramref name="power"/>: power rises from α at λ = 0 towards 1.</summary>
    public static double DistanceFor(double alpha, double power, double? degreesOfFreedom)
    {
        var upper = Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);
        while (At(upper, alpha, degreesOfFreedom) < power)
        {
            upper *= 2;
        }

        return Brent.FindRoot(l => At(l, alpha, degreesOfFreedom) - power, 0, upper, 1e-14, 200);
    }
}
