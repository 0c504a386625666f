using Research.Statistics.Regression;

namespace Research.Statistics.Adjustment;

/// <summary>Settings of <see cref="LinAdjustment"/>.</summary>
public sealed record LinOptions
{
    /// <summary>The defaults: missing values are errors, treatment term named "arm", no weights, 95% intervals.</summary>
    public static LinOptions Default { get; } = new();

    /// <summary>
    /// Weights, level, outcome name, and the policy for rows whose outcome, arm or cluster id is missing
    /// (<see cref="FitOptions.MissingValues"/>). With weights the covariates are centred at their weighted means, as
    /// <c>estimatr::lm_lin</c> does.
    /// </summary>
    public FitOptions Fit { get; init; } = FitOptions.Default;

    /// <summary>What to do with missing covariate values.</summary>
    public MissingCovariatePolicy MissingCovariates { get; init; } = MissingCovariatePolicy.Error;

    /// <summary>Name of the treatment term; its columns are <c>name[arm]</c>.</summary>
    public string TreatmentName { get; init; } = "arm";

    /// <summary>Order of the treatment arms' columns; arms not observed in the rows used are skipped. Null: ordinal order.</summary>
    public IReadOnlyList<string>? ArmOrder { get; init; }
}
