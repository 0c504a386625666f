namespace Research.Statistics.Regression;

/// <summary>
/// Variance (standard error) estimators. Reference distributions for linear models: Classical and HC* use t with
/// n − k df; CR0/CR1 use t with G − 1 df (as Stata and estimatr); CR2 uses t with Bell–McCaffrey
/// Satterthwaite df per coefficient (as estimatr). Binary-outcome models (logit, probit) use the standard normal.
/// </summary>
public enum VarianceType
{
    /// <summary>Model-based: σ²(X'X)⁻¹ for OLS, the inverse Fisher information for logit/probit.</summary>
    Classical,

    /// <summary>White's heteroskedasticity-consistent sandwich without correction.</summary>
    HC0,

    /// <summary>HC0 × n/(n − k).</summary>
    HC1,

    /// <summary>Squared residuals divided by (1 − hᵢᵢ).</summary>
    HC2,

    /// <summary>Squared residuals divided by (1 − hᵢᵢ)².</summary>
    HC3,

    /// <summary>Cluster-robust sandwich without correction.</summary>
    CR0,

    /// <summary>CR0 × G/(G − 1) × (n − 1)/(n − k): Stata's small-sample factor (estimatr "stata").</summary>
    CR1,

    /// <summary>Bell–McCaffrey: cluster residuals premultiplied by (I − H_gg)^(-1/2) (estimatr "CR2").</summary>
    CR2,
}
