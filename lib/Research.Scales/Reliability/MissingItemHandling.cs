namespace Research.Scales.Reliability;

/// <summary>How missing item answers enter the reliability statistics.</summary>
public enum MissingItemHandling
{
    /// <summary>
    /// Pairwise deletion, as <c>psych::alpha(use = "pairwise")</c> (its default): each covariance uses the rows where
    /// both items are answered; correlations are <c>cov2cor</c> of that matrix. Omega uses <c>cor(use = "pairwise")</c>
    /// like <c>psych::omega</c>. The total is the person mean of the answered items.
    /// </summary>
    Pairwise,

    /// <summary>Only rows with every item answered (listwise deletion, <c>psych::alpha(na.omit(x))</c>).</summary>
    Listwise,
}
