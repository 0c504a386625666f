using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>Options shared by the model fits.</summary>
public sealed record FitOptions
{
    /// <summary>The defaults: no weights, missing values are an error, 95% intervals, outcome named "y".</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>
    /// Optional positive observation weights: weighted least squares and 2SLS (variances as estimatr), prior weights
    /// for logit/probit (as <c>glm(weights = )</c>).
    /// </summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>What to do with rows with missing values.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Error;

    /// <summary>Confidence level of the intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Name of the outcome, used in messages and printed tables.</summary>
    public string OutcomeName { get; init; } = "y";

    /// <summary>
    /// Linear models only: when true, a coefficient whose variance is not positive (e.g. a covariate slope of an arm
    /// whose outcome is constant, as a rare binary outcome in a small arm can be) gets a NaN standard error,
    /// statistic, p-value and interval and a note, instead of failing the whole fit; the other coefficients are
    /// unaffected. Off by default: then any such coefficient is a <see cref="DegenerateModelException"/>.
    /// </summary>
    public bool AllowUndefinedStandardErrors { get; init; }
}
