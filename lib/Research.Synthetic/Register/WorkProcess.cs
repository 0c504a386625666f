using MathNet.Numerics.Distributions;
using Research.Synthetic.Calibration;
using Research.Synthetic.Population;

namespace Research.Synthetic.Register;

/// <summary>
/// The monthly work and benefit model. A person's latent AR(1) Gaussian process z is compared with probit thresholds:
/// working more than 27 hours when Φ(z) &lt; p27, more than 12 hours when Φ(z) &lt; p12. The marginal probabilities are
/// therefore exactly p12 and p27 each month, so the planted effect (added on the probability scale for those who take
/// up the intervention: the intent-to-treat effect over the expected take-up) is known exactly, while the persistence
/// of z produces realistic spells.
/// </summary>
internal sealed class WorkProcess
{
    // The probit intercepts depend on the month only: computed once for every month the data can span.
    private const int FirstMonth = -24;
    private const int LastMonth = 120;
    private readonly double[] _a12;
    private readonly double[] _a27;

    public WorkProcess(SyntheticCalibration calibration)
    {
        Calibration = calibration;
        var beta = calibration.EmployabilityLoading;
        var scale = Math.Sqrt(1 + (beta * beta * (1 + (calibration.CaseworkerSd * calibration.CaseworkerSd))));
        _a12 = new double[LastMonth - FirstMonth + 1];
        _a27 = new double[LastMonth - FirstMonth + 1];
        for (var month = FirstMonth; month <= LastMonth; month++)
        {
            _a12[month - FirstMonth] = Normal.InvCDF(0, 1, OutcomeCurves.At(calibration.ControlShare.PartialFull, month)) * scale;
            _a27[month - FirstMonth] = Normal.InvCDF(0, 1, OutcomeCurves.At(calibration.ControlShare.Full, month)) * scale;
        }
    }

    public SyntheticCalibration Calibration { get; }

    /// <summary>Control probabilities (p12, p27) for latent employability η (own plus caseworker) at month t.</summary>
    public (double P12, double P27) Control(double eta, int month)
    {
        var i = Math.Clamp(month, FirstMonth, LastMonth) - FirstMonth;
        var shift = Calibration.EmployabilityLoading * eta;
        return (Normal.CDF(0, 1, _a12[i] + shift), Normal.CDF(0, 1, _a27[i] + shift));
    }

    /// <summary>Probabilities under the intervention for someone who took it up (<paramref name="effect"/>: the effect on takers).</summary>
    public (double P12, double P27) Treated((double P12, double P27) control, ArmEffect effect, int month, int endMonth)
    {
        var ramp = Calibration.EffectRampMonths;
        var p12 = Math.Clamp(control.P12 + effect.PartialFull.At(month, endMonth, ramp), 0, 1);
        var p27 = Math.Clamp(control.P27 + effect.Full.At(month, endMonth, ramp), 0, p12);
        return (p12, p27);
    }

    /// <summary>Probability of full outflow (off benefit and more than 27 hours).</summary>
    public double FullOutflow((double P12, double P27) p) => Calibration.OffBenefitGivenFullTime * p.P27;

    /// <summary>Probability of being off benefit.</summary>
    public double OffBenefit((double P12, double P27) p) =>
        (Calibration.OffBenefitGivenFullTime * p.P27) + (Calibration.OffBenefitGivenPartTime * (p.P12 - p.P27));

    /// <summary>
    /// The person's probabilities at month t given their arm and take-up. The caseworker is assigned at randomisation,
    /// so their effect starts after it: pre-randomisation months are clean for baseline and pre-trend checks.
    /// </summary>
    public (double P12, double P27) For(SyntheticPerson person, int month)
    {
        var control = Control(person.Employability + (month > 0 ? person.CaseworkerEffect : 0), month);
        return person.TookUp ? Treated(control, person.TakerEffect, month, person.EffectEndMonth) : control;
    }
}
