namespace Research.Statistics.Regression;

/// <summary>Link of a binary-outcome model P(y = 1 | x) = F(x'b).</summary>
public enum BinaryLink
{
    /// <summary>F is the logistic distribution function.</summary>
    Logit,

    /// <summary>F is the standard normal distribution function.</summary>
    Probit,
}
