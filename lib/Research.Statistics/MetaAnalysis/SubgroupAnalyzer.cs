using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Whether effects differ between subgroups of studies defined by a categorical moderator (e.g. intervention type),
/// in the two usual ways: separate subgroup fits with a Q-between test (<see cref="Separate"/>), or one mixed-effects
/// model with a common τ² (<see cref="CommonTau2"/>).
/// </summary>
public static class SubgroupAnalyzer
{
    /// <summary>Pools each subgroup separately (own τ²) and tests the differences with Q-between (see <see cref="SubgroupAnalysis"/>).</summary>
    /// <param name="studies">Effect estimates and sampling variances.</param>
    /// <param name="moderator">The subgroup of each study, same length as <paramref name="studies"/>.</param>
    /// <param name="options">Applied to every subgroup and to the overall fit; <see cref="MetaAnalysisOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">
    /// The moderator has the wrong length, a missing value, or fewer than two distinct values; or a subgroup cannot be
    /// fitted with the chosen method (e.g. one study under random effects), named in the message.
    /// </exception>
    public static SubgroupAnalysis Separate(StudyEffects studies, IReadOnlyList<string> moderator, MetaAnalysisOptions? options = null)
    {
        var groups = GroupsOf(studies, moderator);
        var subgroups = new Subgroup[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            try
            {
                subgroups[g] = new Subgroup(groups[g].Name, MetaAnalyzer.Fit(studies.Subset(groups[g].Indices), options));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Subgroup \"{groups[g].Name}\" ({groups[g].Indices.Length} studies) cannot be fitted: {e.Message} SubgroupAnalyzer.CommonTau2 handles single-study groups.", nameof(moderator), e);
            }
        }

        var between = PoolingModel.InterceptOnly(
            StudyEffects.FromStandardErrors(subgroups.Select(s => s.Fit.Estimate).ToArray(), subgroups.Select(s => s.Fit.StandardError).ToArray())).Pool(0);
        var df = groups.Length - 1;
        return new SubgroupAnalysis(subgroups, MetaAnalyzer.Fit(studies, options), between.WeightedResidualSquares, df, MetaAnalysisStatistics.UpperTailChiSquare(df, between.WeightedResidualSquares));
    }

    /// <summary>Tests the moderator in one mixed-effects model with a common τ² (see <see cref="ModeratorTest"/>).</summary>
    /// <param name="studies">Effect estimates and sampling variances.</param>
    /// <param name="moderator">The subgroup of each study, same length as <paramref name="studies"/>.</param>
    /// <param name="options">Method (τ² estimator), test and level; <see cref="MetaAnalysisOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">
    /// The moderator is invalid or has fewer than two values; or every group has a single study (k = G), so neither a
    /// random-effects τ² nor a Knapp–Hartung test has residual degrees of freedom.
    /// </exception>
    public static ModeratorTest CommonTau2(StudyEffects studies, IReadOnlyList<string> moderator, MetaAnalysisOptions? options = null)
    {
        options ??= MetaAnalysisOptions.Default;
        options.Validate();
        var groups = GroupsOf(studies, moderator);
        var groupOf = new int[studies.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            foreach (var i in groups[g].Indices)
            {
                groupOf[i] = g;
            }
        }

        var model = PoolingModel.ByGroup(studies, groupOf, groups.Length);
        var residualDf = model.ResidualDegreesOfFreedom;
        if (residualDf == 0 && (options.Method != MetaAnalysisMethod.FixedEffect || options.Test != PooledEstimateTest.Normal))
        {
            throw new ArgumentException($"Every moderator group has a single study (k = G = {groups.Length}), so there are no residual degrees of freedom for {options.Method} with the {options.Test} test. Use the fixed-effect method with the normal test.", nameof(moderator));
        }

        var tau2 = Tau2Estimator.Estimate(model, options.Method);
        var pool = model.Pool(tau2);
        var scale = options.Test == PooledEstimateTest.Normal ? 1 : MetaAnalysisStatistics.KnappHartungFactor(pool, residualDf, options.Test);
        var grandMean = pool.Means.Select((m, g) => m * pool.SumWeights[g]).Sum() / pool.SumWeights.Sum();
        var qm = pool.Means.Select((m, g) => pool.SumWeights[g] * (m - grandMean) * (m - grandMean)).Sum() / scale;
        var numeratorDf = groups.Length - 1;
        var standardErrors = pool.SumWeights.Select(w => Math.Sqrt(scale / w)).ToArray();

        double statistic, pValue, critical;
        int? denominatorDf = null;
        if (options.Test == PooledEstimateTest.Normal)
        {
            statistic = qm;
            pValue = MetaAnalysisStatistics.UpperTailChiSquare(numeratorDf, qm);
            critical = Normal.InvCDF(0, 1, 0.5 + options.ConfidenceLevel / 2);
        }
        else
        {
            statistic = qm / numeratorDf;
            denominatorDf = residualDf;
            // Upper tail through the regularised beta function keeps precision for small p.
            pValue = SpecialFunctions.BetaRegularized(residualDf / 2.0, numeratorDf / 2.0, residualDf / (residualDf + numeratorDf * statistic));
            critical = StudentT.InvCDF(0, 1, residualDf, 0.5 + options.ConfidenceLevel / 2);
        }

        var intervals = pool.Means.Select((m, g) => new Interval(m - critical * standardErrors[g], m + critical * standardErrors[g])).ToArray();
        return new ModeratorTest(
            options, groups.Select(g => g.Name).ToArray(), groups.Select(g => g.Indices.Length).ToArray(), pool.Means, standardErrors, intervals,
            statistic, numeratorDf, denominatorDf, pValue, MetaAnalysisStatistics.Heterogeneity(model, options.Method, tau2));
    }

    private static (string Name, int[] Indices)[] GroupsOf(StudyEffects studies, IReadOnlyList<string> moderator)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(moderator);
        if (moderator.Count != studies.Count)
        {
            throw new ArgumentException($"Expected {studies.Count} moderator values (one per study) but got {moderator.Count}.", nameof(moderator));
        }

        for (var i = 0; i < moderator.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(moderator[i]))
            {
                throw new ArgumentException($"Moderator value {i} (study \"{studies.Labels[i]}\") is missing.", nameof(moderator));
            }
        }

        var groups = Enumerable.Range(0, studies.Count)
            .GroupBy(i => moderator[i], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToArray()))
            .ToArray();
        if (groups.Length < 2)
        {
            throw new ArgumentException($"A subgroup analysis needs at least two moderator values; all studies have \"{groups[0].Key}\".", nameof(moderator));
        }

        return groups;
    }
}
