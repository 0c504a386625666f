using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>The Kaplan–Meier estimate just after one distinct observed time.</summary>
/// <param name="Time">The time.</param>
/// <param name="AtRisk">Individuals at risk at the time (observed time ≥ this time).</param>
/// <param name="Events">Events at the time.</param>
/// <param name="Censored">Censorings at the time (they count as at risk at it).</param>
/// <param name="Survival">Ŝ(t) = Π (1 − dⱼ/nⱼ) over event times ≤ t.</param>
/// <param name="LogStandardError">
/// Greenwood standard error of log Ŝ, √Σ dⱼ/(nⱼ(nⱼ − dⱼ)) (R's <c>survfit</c> <c>std.err</c>); null once Ŝ = 0.
/// </param>
/// <param name="Lower">Lower confidence limit; null where the chosen transform is undefined (see <see cref="SurvivalConfidenceTransform"/>).</param>
/// <param name="Upper">Upper confidence limit; null where the chosen transform is undefined.</param>
public sealed record SurvivalStep(double Time, int AtRisk, int Events, int Censored, double Survival, double? LogStandardError, double? Lower, double? Upper)
{
    /// <summary>Greenwood standard error of Ŝ itself, Ŝ·se(log Ŝ); null once Ŝ = 0.</summary>
    public double? StandardError => Survival * LogStandardError;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"t = {Time:G6}: at risk {AtRisk}, events {Events}, censored {Censored}, S = {Survival:G4} [{Show(Lower)}, {Show(Upper)}]");

    private static string Show(double? x) => x is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "NA";
}
