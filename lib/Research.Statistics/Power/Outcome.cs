using System.Globalization;

namespace Research.Statistics.Power;

/// <summary>The outcome of an experiment as far as power is concerned: its individual-level variance σ².</summary>
public sealed record Outcome
{
    private Outcome(double variance, string description)
    {
        Variance = variance;
        Description = description;
    }

    /// <summary>Individual-level variance σ² of the outcome in the control population.</summary>
    public double Variance { get; }

    /// <summary>σ.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Human-readable description, e.g. "binary, base rate 0.3".</summary>
    public string Description { get; }

    /// <summary>A continuous outcome with standard deviation σ.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is not finite and positive.</exception>
    public static Outcome Continuous(double standardDeviation)
    {
        if (!double.IsFinite(standardDeviation) || standardDeviation <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be finite and positive.");
        }

        return new Outcome(standardDeviation * standardDeviation, string.Create(CultureInfo.InvariantCulture, $"continuous, SD {standardDeviation:G6}"));
    }

    /// <summary>
    /// A binary outcome (e.g. outflow from assistance) with control-group rate p, using the base-rate variance
    /// σ² = p(1 − p) in both arms. Effects are then differences in proportions (0.05 = 5 percentage points).
    /// This is the usual planning approximation; it differs from <c>power.prop.test</c>, which uses
    /// p₁(1 − p₁) + p₂(1 − p₂) and so depends on the effect as well.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseRate"/> is not strictly between 0 and 1.</exception>
    public static Outcome Binary(double baseRate)
    {
        if (!(baseRate > 0 && baseRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, "The base rate must be strictly between 0 and 1 (a proportion, not a percentage).");
        }

        return new Outcome(baseRate * (1 - baseRate), string.Create(CultureInfo.InvariantCulture, $"binary, base rate {baseRate:G6}"));
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
