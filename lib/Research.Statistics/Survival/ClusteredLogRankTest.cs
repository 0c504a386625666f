using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Research.Statistics.Survival;

/// <summary>
/// A log-rank type comparison of survival curves that accounts for clustering (e.g. caseworkers): the robust score
/// test of a Cox model with the group dummies, evaluated at β = 0, with the sandwich variance of Lin &amp; Wei (1989)
/// summed over clusters. It reproduces the "Robust" test of <c>survival::coxph(Surv(t, d) ~ group + cluster(id))</c>.
/// With every individual its own cluster it is the Lin–Wei robust log-rank test.
/// </summary>
/// <remarks>
/// Score residuals at β = 0 (all risk scores 1): Wᵢ = δᵢ(xᵢ − x̄(tᵢ)) − Σ_{tⱼ ≤ tᵢ} dΛⱼ(xᵢ − x̄ⱼ), with x̄ⱼ the mean of
/// the dummies over the risk set and dΛⱼ = dⱼ/nⱼ (Breslow); under Efron ties the j-th time is split into dⱼ steps in
/// which the tied deaths have left the risk set in fractions r/dⱼ. Like other cluster-robust methods the χ² reference
/// is optimistic with few clusters.
/// </remarks>
public static class ClusteredLogRankTest
{
    /// <summary>Below this many clusters a note warns that the χ² reference of the robust score test is optimistic.</summary>
    private const int FewClusters = 30;

    /// <summary>Tests equality of the survival curves of the groups, accounting for clustering.</summary>
    /// <param name="times">Observed times, finite and non-negative.</param>
    /// <param name="events">True where the event happened, false where censored.</param>
    /// <param name="groups">Group of each observation; at least two distinct labels.</param>
    /// <param name="clusters">Cluster of each observation (e.g. caseworker); at least two distinct labels.</param>
    /// <param name="ties">Tie handling; Breslow makes the score equal the log-rank O − E.</param>
    /// <exception cref="ArgumentException">
    /// Invalid input as for <see cref="LogRankTest.Compute"/>; a missing cluster label; fewer than two clusters; or a
    /// singular robust variance (too few clusters for the number of groups).
    /// </exception>
    public static ClusteredLogRankResult Compute(IReadOnlyList<double> times, IReadOnlyList<bool> events, IReadOnlyList<string> groups, IReadOnlyList<string> clusters, CoxTies ties = CoxTies.Breslow)
    {
        if (!Enum.IsDefined(ties))
        {
            throw new ArgumentOutOfRangeException(nameof(ties), ties, "Unknown tie handling.");
        }

        var unadjusted = LogRankTest.Compute(times, events, groups);
        var sample = SurvivalSample.Create(times, events);
        var byGroup = SurvivalSample.Groups(groups, sample.Count);
        var clusterOf = ClusterCodes(clusters, sample.Count, out var clusterCount);
        var p = byGroup.Count - 1;
        var dummy = new int[sample.Count];   // 0 for the reference group, else the column + 1
        for (var g = 1; g <= p; g++)
        {
            foreach (var i in byGroup[g].Indices)
            {
                dummy[i] = g;
            }
        }

        var residuals = ScoreResiduals(sample, dummy, p, ties);
        var sums = Matrix<double>.Build.Dense(clusterCount, p);
        for (var i = 0; i < sample.Count; i++)
        {
            for (var c = 0; c < p; c++)
            {
                sums[clusterOf[i], c] += residuals[i, c];
            }
        }

        var score = Vector<double>.Build.Dense(p, c => sums.Column(c).Sum());
        var variance = sums.TransposeThisAndMultiply(sums);
        double chiSquare;
        try
        {
            chiSquare = score.DotProduct(variance.Cholesky().Solve(score));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The cluster-robust score variance is singular: {clusterCount} clusters cannot support a test of {p + 1} groups (the variance has rank at most G - 1)."), nameof(clusters), e);
        }

        var notes = new List<string>();
        if (clusterCount < FewClusters)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Only {clusterCount} clusters: the chi-square reference of the robust score test is optimistic (p-values too small); consider randomisation inference."));
        }

        return new ClusteredLogRankResult(
            byGroup.Select(g => g.Group).ToArray(), ties, score.ToArray(),
            Enumerable.Range(0, p).Select(r => (IReadOnlyList<double>)variance.Row(r).ToArray()).ToArray(),
            chiSquare, p, SpecialFunctions.GammaUpperRegularized(p / 2.0, chiSquare / 2), clusterCount, unadjusted, notes);
    }

    /// <summary>
    /// Score residuals at β = 0, n × p. Times are visited in order; each observation's residual is formed when it
    /// leaves the risk set, from the cumulative hazard A = ΣdΛ and B = ΣdΛ·x̄ over the event times so far.
    /// </summary>
    private static double[,] ScoreResiduals(SurvivalSample sample, int[] dummy, int p, CoxTies ties)
    {
        var residuals = new double[sample.Count, p];
        var atRisk = new double[p + 1];
        foreach (var g in dummy)
        {
            atRisk[g]++;
        }

        double hazard = 0;
        var weighted = new double[p];
        foreach (var (_, observations) in sample.DistinctTimes())
        {
            var deaths = observations.Where(i => sample.Events[i]).ToArray();
            var step = TimeStep(deaths, dummy, atRisk, p, ties);
            foreach (var i in observations)
            {
                var dies = sample.Events[i];
                for (var c = 0; c < p; c++)
                {
                    var x = dummy[i] == c + 1 ? 1.0 : 0.0;
                    if (dies)
                    {
                        // A tied death takes its own time's steps with the Efron weights 1 − r/d.
                        var cumulative = ((hazard + step.OwnHazard) * x) - (weighted[c] + step.OwnWeighted[c]);
                        residuals[i, c] = x - step.DeathMean[c] - cumulative;
                    }
                    else
                    {
                        residuals[i, c] = -(((hazard + step.Hazard) * x) - (weighted[c] + step.Weighted[c]));
                    }
                }
            }

            hazard += step.Hazard;
            for (var c = 0; c < p; c++)
            {
                weighted[c] += step.Weighted[c];
            }

            foreach (var i in observations)
            {
                atRisk[dummy[i]]--;
            }
        }

        return residuals;
    }

    /// <summary>The hazard steps of one time.</summary>
    /// <param name="Hazard">Σ_r dΛ_r.</param>
    /// <param name="Weighted">Σ_r dΛ_r·x̄_r.</param>
    /// <param name="OwnHazard">Σ_r (1 − r/d)·dΛ_r, what a tied death itself is exposed to.</param>
    /// <param name="OwnWeighted">Σ_r (1 − r/d)·dΛ_r·x̄_r.</param>
    /// <param name="DeathMean">(1/d)·Σ_r x̄_r, the expected covariate of a death.</param>
    private sealed record Step(double Hazard, double[] Weighted, double OwnHazard, double[] OwnWeighted, double[] DeathMean);

    private static Step TimeStep(int[] deaths, int[] dummy, double[] atRisk, int p, CoxTies ties)
    {
        var d = deaths.Length;
        var step = new Step(0, new double[p], 0, new double[p], new double[p]);
        if (d == 0)
        {
            return step;
        }

        var deathCounts = new double[p + 1];
        foreach (var i in deaths)
        {
            deathCounts[dummy[i]]++;
        }

        var total = atRisk.Sum();
        var efron = ties == CoxTies.Efron;
        var steps = efron ? d : 1;
        double hazard = 0, own = 0;
        for (var r = 0; r < steps; r++)
        {
            var fraction = efron ? (double)r / d : 0;
            var denominator = total - (fraction * d);
            var increment = efron ? 1 / denominator : d / denominator;
            var deathWeight = 1 - fraction;
            hazard += increment;
            own += deathWeight * increment;
            for (var c = 0; c < p; c++)
            {
                var mean = (atRisk[c + 1] - (fraction * deathCounts[c + 1])) / denominator;
                step.Weighted[c] += increment * mean;
                step.OwnWeighted[c] += deathWeight * increment * mean;
                step.DeathMean[c] += mean / steps;
            }
        }

        return step with { Hazard = hazard, OwnHazard = own };
    }

    private static int[] ClusterCodes(IReadOnlyList<string> clusters, int n, out int count)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {n} cluster labels (one per time) but got {clusters.Count}."), nameof(clusters));
        }

        var codes = new int[n];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (string.IsNullOrWhiteSpace(clusters[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cluster label {i} is missing."), nameof(clusters));
            }

            if (!seen.TryGetValue(clusters[i], out var code))
            {
                code = seen[clusters[i]] = seen.Count;
            }

            codes[i] = code;
        }

        count = seen.Count;
        if (count < 2)
        {
            throw new ArgumentException("The cluster-robust score test needs at least two clusters.", nameof(clusters));
        }

        return codes;
    }
}
