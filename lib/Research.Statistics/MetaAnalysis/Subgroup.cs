namespace Research.Statistics.MetaAnalysis;

/// <summary>The meta-analysis of the studies sharing one moderator value.</summary>
/// <param name="Name">Moderator value (e.g. an intervention type).</param>
/// <param name="Fit">Meta-analysis of that subgroup alone, with its own τ².</param>
public sealed record Subgroup(string Name, MetaAnalysisResult Fit)
{
    /// <inheritdoc />
    public override string ToString() => Name + ": " + Fit;
}
