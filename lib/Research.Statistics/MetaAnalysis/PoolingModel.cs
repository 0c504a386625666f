namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Studies with a cell-means model: one mean per moderator group (a single group for the plain meta-analysis).
/// This is metafor's intercept-only model when <see cref="GroupCount"/> is 1 and <c>mods = ~ factor(g)</c> otherwise.
/// </summary>
internal sealed class PoolingModel
{
    private readonly int[] _groupOf;

    private PoolingModel(StudyEffects studies, int[] groupOf, int groupCount)
    {
        Studies = studies;
        _groupOf = groupOf;
        GroupCount = groupCount;
        VarianceScale = studies.Variances.Average();
    }

    /// <summary>Mean sampling variance: the natural unit of τ² for these data.</summary>
    public double VarianceScale { get; }

    public StudyEffects Studies { get; }

    /// <summary>Number of means p.</summary>
    public int GroupCount { get; }

    /// <summary>Residual degrees of freedom k − p.</summary>
    public int ResidualDegreesOfFreedom => Studies.Count - GroupCount;

    public static PoolingModel InterceptOnly(StudyEffects studies) => new(studies, new int[studies.Count], 1);

    public static PoolingModel ByGroup(StudyEffects studies, int[] groupOf, int groupCount) => new(studies, groupOf, groupCount);

    /// <summary>Weighted group means with weights wᵢ = 1/(vᵢ + τ²), and the sums every estimator needs.</summary>
    public InverseVariancePool Pool(double tau2)
    {
        var y = Studies.EstimateSpan;
        var v = Studies.VarianceSpan;
        var sumW = new double[GroupCount];
        var sumW2 = new double[GroupCount];
        var sumWy = new double[GroupCount];
        for (var i = 0; i < y.Length; i++)
        {
            var w = 1 / (v[i] + tau2);
            sumW[_groupOf[i]] += w;
            sumW2[_groupOf[i]] += w * w;
            sumWy[_groupOf[i]] += w * y[i];
        }

        var means = new double[GroupCount];
        double traceP = 0;
        for (var g = 0; g < GroupCount; g++)
        {
            means[g] = sumWy[g] / sumW[g];
            traceP += sumW[g] - sumW2[g] / sumW[g];
        }

        double rss = 0, rss2 = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var w = 1 / (v[i] + tau2);
            var r = y[i] - means[_groupOf[i]];
            rss += w * r * r;
            rss2 += w * w * r * r;
        }

        return new InverseVariancePool(means, sumW, traceP, rss, rss2);
    }
}
