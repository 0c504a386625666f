namespace Research.Statistics.MetaAnalysis;

/// <summary>The reference distribution of the meta-regression's coefficient and moderator tests (metafor <c>rma.mv(test = )</c>).</summary>
public enum MetaRegressionTest
{
    /// <summary>z tests, normal intervals and the χ² moderator test (<c>test = "z"</c>).</summary>
    Normal,

    /// <summary>t tests and intervals with k − p df and the F moderator test on (m, k − p) df (<c>test = "t"</c>), without Knapp–Hartung rescaling.</summary>
    StudentT,
}
