namespace Research.Statistics.Adjustment;

/// <summary>What covariate adjustment does with missing covariate values (NaN cells of the covariate design).</summary>
public enum MissingCovariatePolicy
{
    /// <summary>Throw an error naming the first missing covariate and row (the default: nothing is dropped silently).</summary>
    Error,

    /// <summary>Drop rows with any missing covariate, as <c>estimatr::lm_lin</c> does through <c>na.omit</c>; centring uses the rows kept.</summary>
    ListwiseDeletion,

    /// <summary>
    /// Keep every row: a missing cell is filled with the column's mean over the rows used, and each covariate term with
    /// missing cells gets an indicator column <c>term_missing</c> that is centred and interacted like any covariate.
    /// With the indicator in the model the estimate does not depend on the fill value, and for a categorical covariate
    /// it equals adding a "missing" level. Valid in randomised experiments because covariates are pre-treatment, so
    /// missingness is balanced by design in expectation (Puma et al. 2009; Zhao &amp; Ding 2022).
    /// </summary>
    MissingIndicator,
}
