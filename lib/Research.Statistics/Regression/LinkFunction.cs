using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Research.Statistics.Regression;

/// <summary>The distribution function F of a binary link, its density f = F' and the density's derivative f'.</summary>
internal static class LinkFunction
{
    public static double Probability(BinaryLink link, double eta) => link == BinaryLink.Logit
        ? 1 / (1 + Math.Exp(-eta))
        : 0.5 * SpecialFunctions.Erfc(-eta / Constants.Sqrt2);

    /// <summary>1 − F(η), computed without cancellation.</summary>
    public static double Complement(BinaryLink link, double eta) => Probability(link, -eta);

    public static double Density(BinaryLink link, double eta)
    {
        if (link == BinaryLink.Probit)
        {
            return Normal.PDF(0, 1, eta);
        }

        var p = Probability(link, eta);
        return p * Complement(link, eta);
    }

    /// <summary>
    /// Row i's log-likelihood contribution, score multiplier (yᵢ − μᵢ)f/(μᵢ(1 − μᵢ)) and expected-information weight
    /// f²/(μᵢ(1 − μᵢ)), sharing the transcendental evaluations.
    /// </summary>
    public static (double LogLikelihood, double Score, double Weight) Evaluate(BinaryLink link, double eta, double y)
    {
        if (link == BinaryLink.Logit)
        {
            // μ and 1 − μ from one exponential of −|η|, without cancellation on either side.
            var e = Math.Exp(-Math.Abs(eta));
            var onePlus = 1 + e;
            var (mu, complement) = eta >= 0 ? (1 / onePlus, e / onePlus) : (e / onePlus, 1 / onePlus);
            var logOnePlus = Math.Log(onePlus);
            var logMu = eta >= 0 ? -logOnePlus : eta - logOnePlus;
            var logComplement = eta >= 0 ? -eta - logOnePlus : -logOnePlus;
            return y == 1 ? (logMu, complement, mu * complement) : (logComplement, -mu, mu * complement);
        }

        var p = Probability(link, eta);
        var q = Complement(link, eta);
        var f = Normal.PDF(0, 1, eta);
        var weight = p * q > 0 ? f * f / (p * q) : 0;
        return y == 1 ? (Math.Log(p), f / p, weight) : (Math.Log(q), -f / q, weight);
    }

    public static double DensityDerivative(BinaryLink link, double eta) => link == BinaryLink.Logit
        ? Density(link, eta) * (1 - (2 * Probability(link, eta)))
        : -eta * Normal.PDF(0, 1, eta);
}
