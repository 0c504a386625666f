using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Research.Statistics.Survival;

/// <summary>The log-rank test that k survival curves are equal, matching R's <c>survival::survdiff</c>.</summary>
public static class LogRankTest
{
    /// <summary>Tests equality of the survival curves of the groups.</summary>
    /// <param name="times">Observed times, finite and non-negative.</param>
    /// <param name="events">True where the event happened, false where censored.</param>
    /// <param name="groups">Group label of each observation; at least two distinct labels.</param>
    /// <exception cref="ArgumentException">
    /// Invalid input; fewer than two groups; no events at all; or a group with no one at risk at any event time
    /// (it contributes nothing, and survdiff would silently drop it).
    /// </exception>
    public static LogRankResult Compute(IReadOnlyList<double> times, IReadOnlyList<bool> events, IReadOnlyList<string> groups)
    {
        var sample = SurvivalSample.Create(times, events);
        var byGroup = SurvivalSample.Groups(groups, sample.Count);
        var k = byGroup.Count;
        if (k < 2)
        {
            throw new ArgumentException($"The log-rank test needs at least two groups; all observations are in \"{byGroup[0].Group}\".", nameof(groups));
        }

        if (!sample.Events.Any(e => e))
        {
            throw new ArgumentException("The log-rank test needs at least one event; all observations are censored.", nameof(events));
        }

        var groupOf = new int[sample.Count];
        for (var g = 0; g < k; g++)
        {
            foreach (var i in byGroup[g].Indices)
            {
                groupOf[i] = g;
            }
        }

        var observed = new double[k];
        var expected = new double[k];
        var variance = Matrix<double>.Build.Dense(k, k);
        var atRisk = new double[k];
        foreach (var g in groupOf)
        {
            atRisk[g]++;
        }

        foreach (var (_, observations) in sample.DistinctTimes())
        {
            var deaths = new double[k];
            foreach (var i in observations.Where(i => sample.Events[i]))
            {
                deaths[groupOf[i]]++;
            }

            var d = deaths.Sum();
            var n = atRisk.Sum();
            if (d > 0)
            {
                // Hypergeometric variance; the (n − d)/(n − 1) factor corrects for tied event times.
                var tieFactor = n > 1 ? d * (n - d) / (n - 1) : 0;
                for (var g = 0; g < k; g++)
                {
                    observed[g] += deaths[g];
                    expected[g] += d * atRisk[g] / n;
                    for (var h = 0; h < k; h++)
                    {
                        variance[g, h] += tieFactor * (atRisk[g] / n) * ((g == h ? 1 : 0) - atRisk[h] / n);
                    }
                }
            }

            foreach (var i in observations)
            {
                atRisk[groupOf[i]]--;
            }
        }

        for (var g = 0; g < k; g++)
        {
            if (expected[g] == 0)
            {
                throw new ArgumentException($"Group \"{byGroup[g].Group}\" has no one at risk at any event time, so it carries no information for the log-rank test; remove it.", nameof(groups));
            }
        }

        var difference = Vector<double>.Build.Dense(k - 1, g => observed[g + 1] - expected[g + 1]);
        var reduced = variance.SubMatrix(1, k - 1, 1, k - 1);
        double chiSquare;
        try
        {
            chiSquare = difference.DotProduct(reduced.Cholesky().Solve(difference));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The log-rank covariance matrix is singular: the groups' risk sets never overlap at event times, so the curves cannot be compared.", nameof(groups), e);
        }

        var resultGroups = byGroup.Select((g, i) => new LogRankGroup(g.Group, g.Indices.Length, observed[i], expected[i])).ToArray();
        var rows = Enumerable.Range(0, k).Select(r => (IReadOnlyList<double>)variance.Row(r).ToArray()).ToArray();
        return new LogRankResult(resultGroups, chiSquare, k - 1, SpecialFunctions.GammaUpperRegularized((k - 1) / 2.0, chiSquare / 2), rows);
    }
}
