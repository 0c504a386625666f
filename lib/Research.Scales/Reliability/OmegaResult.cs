namespace Research.Scales.Reliability;

/// <summary>McDonald's ω from a one-factor minres model, as <c>psych::omega(x, nfactors = 1)</c> reports it.</summary>
/// <param name="OmegaTotal">ω_t = (V − Σ u²) / V, V = sum of the correlation matrix (psych "omega.tot").</param>
/// <param name="OmegaGeneral">(Σλ)² / V (psych "omega_h"; for one factor it differs from ω_t only by misfit).</param>
/// <param name="Model">The fitted one-factor model.</param>
public sealed record OmegaResult(double OmegaTotal, double OmegaGeneral, OneFactorModel Model);
