namespace Research.Statistics.Survival;

/// <summary>How tied event times enter the Cox partial-likelihood score (as <c>survival::coxph(ties = )</c>).</summary>
public enum CoxTies
{
    /// <summary>Breslow: every death at a tied time sees the full risk set; at β = 0 the score is the log-rank O − E.</summary>
    Breslow,

    /// <summary>Efron: the tied deaths leave the risk set in equal fractions (coxph's default).</summary>
    Efron,
}
