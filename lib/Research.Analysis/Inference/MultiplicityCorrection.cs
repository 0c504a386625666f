namespace Research.Analysis.Inference;

/// <summary>How a family of hypotheses is corrected for multiple testing.</summary>
public enum MultiplicityCorrection
{
    /// <summary>Holm's (1979) step-down procedure: controls the family-wise error rate under any dependence.</summary>
    Holm,
}
