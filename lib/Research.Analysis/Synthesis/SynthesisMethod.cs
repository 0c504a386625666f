using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>A way of pooling the sites: the τ² estimator and how the pooled interval is formed.</summary>
/// <param name="Key">Identifier in result tables.</param>
/// <param name="Description">What it is, for footnotes.</param>
/// <param name="Options">The meta-analysis settings.</param>
public sealed record SynthesisMethod(string Key, string Description, MetaAnalysisOptions Options)
{
    /// <summary>
    /// The primary method: REML τ² with the Hartung–Knapp–Sidik–Jonkman interval (t with k − 1 df), which keeps close to
    /// nominal coverage with as few sites as here, where the normal-theory interval is too narrow. The HKSJ variance factor
    /// is truncated at 1 (Röver, Knapp and Friede 2015; metafor <c>test="adhoc"</c>): with two or three sites whose
    /// estimates happen to agree the untruncated factor shrinks the interval far below the sites' own precision.
    /// </summary>
    public static SynthesisMethod RemlHksj { get; } = new("reml_hksj", "REML τ² with the Hartung–Knapp–Sidik–Jonkman t(k − 1) interval, variance factor truncated at 1",
        new MetaAnalysisOptions(MetaAnalysisMethod.RestrictedMaximumLikelihood, PooledEstimateTest.KnappHartungTruncated));

    /// <summary>For comparison: the classical DerSimonian–Laird τ² with a normal (z) interval.</summary>
    public static SynthesisMethod DerSimonianLaird { get; } = new("dl", "DerSimonian–Laird τ² with a normal (z) interval",
        new MetaAnalysisOptions(MetaAnalysisMethod.DerSimonianLaird, PooledEstimateTest.Normal));

    /// <summary>The methods the synthesis reports, primary first.</summary>
    public static IReadOnlyList<SynthesisMethod> All { get; } = [RemlHksj, DerSimonianLaird];
}
