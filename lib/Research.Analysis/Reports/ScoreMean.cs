using Research.Data.Design;
using Research.Scales.Instruments;

namespace Research.Analysis.Reports;

/// <summary>The mean score of an instrument in one arm at one survey wave.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Wave">The survey wave.</param>
/// <param name="Values">The valid scores of the arm's respondents.</param>
public sealed record ScoreMean(Instrument Instrument, ExperimentArm Arm, int Wave, IReadOnlyList<double> Values)
{
    /// <summary>Respondents with a valid score.</summary>
    public int N => Values.Count;

    /// <summary>The mean; null without respondents.</summary>
    public double? Mean => Values.Count > 0 ? Values.Average() : null;

    /// <summary>The standard deviation (n − 1); null with fewer than two respondents.</summary>
    public double? StandardDeviation => Values.Count > 1 ? Descriptive.StandardDeviation(Values) : null;

    /// <summary>The 95% t interval of the mean; null with fewer than two respondents.</summary>
    public (double Lower, double Upper)? Interval => Mean is { } m && StandardDeviation is { } sd ? Descriptive.MeanInterval(m, sd, N) : null;
}
