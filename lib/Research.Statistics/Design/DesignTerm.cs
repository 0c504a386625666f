namespace Research.Statistics.Design;

/// <summary>One term of a design: the columns it expanded to and, for factors, their levels.</summary>
/// <param name="Name">The variable name given to the builder.</param>
/// <param name="Kind">What the term represents.</param>
/// <param name="Columns">Indices of the design columns that belong to this term, in order.</param>
/// <param name="Levels">For factor terms the level of each column (same order as <paramref name="Columns"/>); otherwise empty.</param>
/// <param name="Reference">For factor terms the omitted reference level; otherwise <c>null</c>.</param>
public sealed record DesignTerm(
    string Name,
    TermKind Kind,
    IReadOnlyList<int> Columns,
    IReadOnlyList<string> Levels,
    string? Reference)
{
    /// <summary>True for terms expanded to 0/1 dummies of one factor (treatment, categorical, fixed effects).</summary>
    public bool IsFactor => Kind is TermKind.Treatment or TermKind.Categorical or TermKind.FixedEffects;
}
