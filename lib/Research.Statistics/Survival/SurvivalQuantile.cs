using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>The time by which a given fraction has had the event (e.g. the median time to outflow), with its confidence interval.</summary>
/// <param name="Probability">Fraction with the event, e.g. 0.5 for the median.</param>
/// <param name="Time">Estimated time; null when the curve never falls that far.</param>
/// <param name="Lower">Lower limit: where the lower confidence band of Ŝ reaches 1 − p; null when it never does.</param>
/// <param name="Upper">Upper limit: where the upper band reaches 1 − p; null when it never does (common with heavy censoring).</param>
public sealed record SurvivalQuantile(double Probability, double? Time, double? Lower, double? Upper)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Probability * 100:0.##}% quantile: {Show(Time)} [{Show(Lower)}, {Show(Upper)}]");

    private static string Show(double? x) => x is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "NA";
}
