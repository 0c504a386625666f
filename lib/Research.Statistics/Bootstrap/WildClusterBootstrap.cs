using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Regression;

namespace Research.Statistics.Bootstrap;

/// <summary>
/// The restricted wild cluster bootstrap (WCR; Cameron, Gelbach &amp; Miller 2008; MacKinnon &amp; Webb 2017) for one
/// coefficient of a linear model with one-way clustering, studentised with CR1, computed the fast way of Roodman,
/// Nielsen, MacKinnon &amp; Webb (2019, "Fast and wild"): per-cluster score sums instead of refitting per draw.
/// <code>
/// var wcr = WildClusterBootstrap.Test(y, design, caseworker, "arm[B]", new WildBootstrapOptions(Seed: 20261201, Weights: WildWeights.Webb));
/// var lin = LinAdjustment.Design(y, arm, "control", covariates);   // or with Lin's covariate adjustment:
/// var adjusted = WildClusterBootstrap.Test(lin.Outcome, lin.Matrix, lin.Take(caseworker), "arm[B]", options);
/// </code>
/// </summary>
/// <remarks>
/// For H₀: β_j = r the model is refitted under the restriction (residuals ũ(r) = M_Z(y − x_j r), Z the other
/// columns), and bootstrap samples are y* = Xβ̃ + ũ⊙v with one multiplier v_g per cluster. Since ũ(r) is affine in r,
/// every cluster's bootstrap score for β_j is (C₀v − rC₁v)_g with G × G matrices C built from per-cluster sums
/// X_g'ũ_g and X_g'X_g·a (a the j-th column of (X'X)⁻¹). After one O(G²B) pass, the p-value at any r costs O(B), so
/// the confidence interval is found by root finding on the p-value function (bisection on its crossing of α, since
/// it is a step function). Fixed effects and covariates are ordinary columns of the design (no partialling out is
/// needed for correctness). Observation weights are not supported.
/// </remarks>
public static class WildClusterBootstrap
{
    /// <summary>Below this many clusters a note recommends Webb weights over Rademacher (Webb 2023).</summary>
    private const int FewClustersForRademacher = 12;

    /// <summary>Runs the bootstrap with string cluster ids.</summary>
    /// <param name="y">The outcome.</param>
    /// <param name="design">The regressors (with intercept, treatment, covariates, fixed effects).</param>
    /// <param name="clusters">Cluster id per row (null = missing).</param>
    /// <param name="coefficient">Name of the tested column, e.g. <c>arm[B]</c>.</param>
    /// <param name="options">Seed, draws, weights, interval type, level, null value.</param>
    /// <exception cref="ArgumentException">Unknown coefficient, lengths differ, missing values under the Error policy, bad options.</exception>
    /// <exception cref="DegenerateModelException">Rank-deficient design, fewer than 2 clusters, zero CR1 variance.</exception>
    public static WildBootstrapResult Test(IReadOnlyList<double> y, DesignMatrix design, IReadOnlyList<string?> clusters, string coefficient, WildBootstrapOptions options) =>
        Run(y, design, VarianceEstimator.CR1(clusters), coefficient, options);

    /// <summary>Runs the bootstrap with integer cluster ids.</summary>
    /// <inheritdoc cref="Test(IReadOnlyList{double}, DesignMatrix, IReadOnlyList{string}, string, WildBootstrapOptions)" path="/param"/>
    public static WildBootstrapResult Test(IReadOnlyList<double> y, DesignMatrix design, IReadOnlyList<int> clusters, string coefficient, WildBootstrapOptions options) =>
        Run(y, design, VarianceEstimator.CR1(clusters), coefficient, options);

    private static WildBootstrapResult Run(IReadOnlyList<double> y, DesignMatrix design, VarianceEstimator variance, string coefficient, WildBootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var j = design.IndexOf(coefficient);
        var data = PreparedData.Prepare(y, [design], variance, new FitOptions { MissingValues = options.MissingValues });
        data.RequireVariation("y");
        var x = data.Designs[0];
        var n = data.RowCount;
        var k = x.Count;
        var g = data.ClusterCount;
        var clusterOf = data.Clusters!;
        var intercept = NormalEquations.InterceptIndex(design);

        var factor = NormalEquations.Factor(x, design.Names, n, intercept);
        var beta = factor.Solve(data.Y);
        var inverse = factor.Inverse();
        var a = Enumerable.Range(0, k).Select(l => inverse[l, j]).ToArray();
        var xa = CrossProduct.Times(x, a);
        var fitted = CrossProduct.Times(x, beta);

        // CR1 standard error of β̂_j from the unrestricted residuals.
        var scores = new double[g];
        for (var i = 0; i < n; i++)
        {
            scores[clusterOf[i]] += xa[i] * (data.Y[i] - fitted[i]);
        }

        var kappa = g / (g - 1.0) * (n - 1.0) / (n - k);
        var standardError = Math.Sqrt(kappa * scores.Sum(s => s * s));
        if (!(standardError > 0) || !double.IsFinite(standardError))
        {
            throw new DegenerateModelException(string.Create(CultureInfo.InvariantCulture,
                $"The CR1 standard error of '{coefficient}' is {standardError}; the bootstrap has nothing to studentise with (all its variation lies within one cluster?)."));
        }

        var (restrictedY, restrictedX) = RestrictedResiduals(x, design.Names, data.Y, j, intercept, n);
        var c0 = ClusterSums(xa, restrictedY, clusterOf, g);
        var c1 = ClusterSums(xa, restrictedX, clusterOf, g);
        var w = ClusterLeverageVectors(x, xa, clusterOf, g, inverse);
        var s0 = ClusterScores(x, restrictedY, clusterOf, g);
        var s1 = ClusterScores(x, restrictedX, clusterOf, g);
        var m0 = ScoreMatrix(c0, w, s0);
        var m1 = ScoreMatrix(c1, w, s1);

        var draws = new WildWeightDraws(options.Weights, g, options.Draws, options.Seed);
        var b = draws.Count;
        double[] n0 = new double[b], n1 = new double[b], pp = new double[b], pq = new double[b], qq = new double[b];
        var index = 0;
        foreach (var v in draws.Vectors())
        {
            double sumN0 = 0, sumN1 = 0, sumPP = 0, sumPQ = 0, sumQQ = 0;
            for (var h = 0; h < g; h++)
            {
                sumN0 += c0[h] * v[h];
                sumN1 += c1[h] * v[h];
                double p = 0, q = 0;
                var row = h * g;
                for (var c = 0; c < g; c++)
                {
                    p += m0[row + c] * v[c];
                    q += m1[row + c] * v[c];
                }

                sumPP += p * p;
                sumPQ += p * q;
                sumQQ += q * q;
            }

            (n0[index], n1[index], pp[index], pq[index], qq[index]) = (sumN0, sumN1, sumPP, sumPQ, sumQQ);
            index++;
        }

        var distribution = new BootstrapDistribution(beta[j], standardError, kappa, n0, n1, pp, pq, qq);
        var notes = new List<string>();
        if (draws.Enumerated)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"All {b} distinct {options.Weights} weight vectors of the {g} clusters were enumerated, so the result does not depend on the seed."));
        }

        if (options.Weights == WildWeights.Rademacher && g < FewClustersForRademacher)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Only {g} clusters: Rademacher weights allow {Math.Pow(2, g - 1):0} distinct |t*| values, so p-values are coarse; Webb weights are recommended below {FewClustersForRademacher} clusters."));
        }

        var interval = distribution.Invert(options.ConfidenceLevel, options.IntervalPValue, notes);
        return new WildBootstrapResult(coefficient, distribution, options, draws.Enumerated, n, data.DroppedRows, g, interval, notes);
    }

    private static void Validate(WildBootstrapOptions options)
    {
        if (options.Draws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Draws, "The number of bootstrap draws must be positive.");
        }

        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }

        if (!double.IsFinite(options.NullValue))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NullValue, "The null value must be finite.");
        }

        if (!Enum.IsDefined(options.Weights) || !Enum.IsDefined(options.IntervalPValue) || !Enum.IsDefined(options.MissingValues))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Unknown weights, p-value type or missing-value policy.");
        }
    }

    /// <summary>M_Z y and M_Z x_j for Z = the columns other than j: the restricted residuals are ũ(r) = M_Z y − r·M_Z x_j.</summary>
    private static (double[] Y, double[] X) RestrictedResiduals(IReadOnlyList<double[]> x, IReadOnlyList<string> names, double[] y, int j, int intercept, int n)
    {
        var others = x.Where((_, l) => l != j).ToArray();
        if (others.Length == 0)
        {
            return ((double[])y.Clone(), (double[])x[j].Clone());
        }

        var otherNames = names.Where((_, l) => l != j).ToArray();
        var otherIntercept = intercept < 0 || intercept == j ? -1 : (intercept < j ? intercept : intercept - 1);
        var factor = NormalEquations.Factor(others, otherNames, n, otherIntercept, "restricted design");
        return (Residuals(others, factor, y), Residuals(others, factor, x[j]));
    }

    private static double[] Residuals(IReadOnlyList<double[]> columns, NormalEquations factor, double[] v)
    {
        var fitted = CrossProduct.Times(columns, factor.Solve(v));
        return v.Select((value, i) => value - fitted[i]).ToArray();
    }

    /// <summary>Σ_{i∈g} xaᵢ·uᵢ per cluster: a'X_g'u_g.</summary>
    private static double[] ClusterSums(double[] xa, double[] u, int[] clusterOf, int g)
    {
        var sums = new double[g];
        for (var i = 0; i < u.Length; i++)
        {
            sums[clusterOf[i]] += xa[i] * u[i];
        }

        return sums;
    }

    /// <summary>X_g'u_g per cluster, as G rows of k.</summary>
    private static double[][] ClusterScores(IReadOnlyList<double[]> x, double[] u, int[] clusterOf, int g)
    {
        var k = x.Count;
        var result = new double[g][];
        for (var c = 0; c < g; c++)
        {
            result[c] = new double[k];
        }

        for (var l = 0; l < k; l++)
        {
            var column = x[l];
            for (var i = 0; i < u.Length; i++)
            {
                result[clusterOf[i]][l] += column[i] * u[i];
            }
        }

        return result;
    }

    /// <summary>w_h = (X'X)⁻¹X_h'X_h·a per cluster, from X_h'(X_h a) without forming X_h'X_h.</summary>
    private static double[][] ClusterLeverageVectors(IReadOnlyList<double[]> x, double[] xa, int[] clusterOf, int g, double[,] inverse)
    {
        var k = x.Count;
        var sums = ClusterScores(x, xa, clusterOf, g);
        return sums.Select(s =>
        {
            var w = new double[k];
            for (var l = 0; l < k; l++)
            {
                for (var m = 0; m < k; m++)
                {
                    w[l] += inverse[l, m] * s[m];
                }
            }

            return w;
        }).ToArray();
    }

    /// <summary>C_hg = c_h·[h = g] − w_h's_g (row-major G × G): the bootstrap score of cluster h is (Cv)_h.</summary>
    private static double[] ScoreMatrix(double[] c, double[][] w, double[][] s)
    {
        var g = c.Length;
        var result = new double[g * g];
        for (var h = 0; h < g; h++)
        {
            for (var col = 0; col < g; col++)
            {
                var dot = 0.0;
                for (var l = 0; l < w[h].Length; l++)
                {
                    dot += w[h][l] * s[col][l];
                }

                result[(h * g) + col] = (h == col ? c[h] : 0) - dot;
            }
        }

        return result;
    }
}
