namespace Research.Analysis.Inference;

/// <summary>
/// How the uncertainty of an arm's effect is assessed. Arms were randomised to individuals, but caseworkers were
/// assigned per arm after randomisation, so each arm's outcomes share a few caseworker effects; the methods differ in
/// whether and how they allow for that. The coverage-and-size study (<c>docs/inference.md</c>) chooses among them.
/// </summary>
public enum InferenceMethod
{
    /// <summary>Heteroskedasticity-robust HC2 standard errors (individual randomisation, no clustering), t reference on n − k df.</summary>
    Hc2,

    /// <summary>
    /// Cluster-robust CR2 standard errors by caseworker with Bell–McCaffrey (Satterthwaite) degrees of freedom
    /// (Bell &amp; McCaffrey 2002; Pustejovsky &amp; Tipton 2018).
    /// </summary>
    Cr2,

    /// <summary>
    /// The restricted wild cluster bootstrap by caseworker (Cameron, Gelbach &amp; Miller 2008; MacKinnon &amp; Webb
    /// 2017), Webb or Rademacher weights, interval by test inversion (Roodman et al. 2019).
    /// </summary>
    WildClusterBootstrap,

    /// <summary>
    /// Randomisation inference for the design as randomised: each arm's and control's units re-randomised within strata,
    /// other arms fixed, Lin's studentised statistic, interval by inverting the constant-effect sharp null (Young 2019).
    /// </summary>
    Randomisation,
}
