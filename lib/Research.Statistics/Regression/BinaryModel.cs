using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Regression;

/// <summary>
/// Logit and probit models for a 0/1 outcome by Fisher scoring (Newton–Raphson for the logit) with step halving.
/// <code>var fit = BinaryModel.Logit(employed, design, VarianceEstimator.CR1(municipality));
/// var ame = fit.AverageMarginalEffects();</code>
/// </summary>
/// <remarks>
/// Convergence: the squared scoring decrement U'I⁻¹U (U the score, I the expected information) falls below
/// 1e-20·(1 + |ℓ|), after which the last step is still applied. That is far tighter than <c>glm</c>'s default
/// because probit scoring converges only linearly; the remaining error is well below 1e-10 of a standard error. A step that lowers the log-likelihood is halved (up
/// to 50 times). Variances: classical (I⁻¹), HC0–HC3, CR0, CR1 as <c>sandwich::vcovHC</c>/<c>vcovCL</c> on a glm
/// (HC2/HC3 with the glm hat values vᵢxᵢ'I⁻¹xᵢ);
/// inference uses the standard normal. Perfect or quasi-complete separation is detected (a 0/1 column whose ones
/// all share one outcome, or fitted probabilities numerically 0 or 1) and reported naming the likely column.
/// Weights are prior (frequency or sampling) weights as in <c>glm(weights = )</c>; marginal effects are then
/// weighted averages. CR2 is not supported for these models.
/// </remarks>
public static class BinaryModel
{
    private const int MaxIterations = 100;

    /// <summary>Rows per block of the log-likelihood's sum (the earlier partition's range, so that fits of fewer rows keep their bits).</summary>
    private const int RowBlock = 1 << 16;

    /// <summary>A row's share of the evaluation, in multiply-adds (see <see cref="Evaluate"/>).</summary>
    private const long RowWork = 16;

    /// <summary>Fits a logit model.</summary>
    public static BinaryModelResult Logit(IReadOnlyList<double> y, DesignMatrix design, VarianceEstimator variance, FitOptions? options = null) =>
        Fit(y, design, BinaryLink.Logit, variance, options);

    /// <summary>Fits a probit model.</summary>
    public static BinaryModelResult Probit(IReadOnlyList<double> y, DesignMatrix design, VarianceEstimator variance, FitOptions? options = null) =>
        Fit(y, design, BinaryLink.Probit, variance, options);

    /// <summary>Fits a binary-outcome model with the given link.</summary>
    /// <exception cref="ArgumentException">Outcome not 0/1, inputs of different lengths, missing values under the Error policy.</exception>
    /// <exception cref="NotSupportedException">CR2 requested.</exception>
    /// <exception cref="DegenerateModelException">Rank-deficient design, constant outcome, separation, no convergence.</exception>
    public static BinaryModelResult Fit(IReadOnlyList<double> y, DesignMatrix design, BinaryLink link, VarianceEstimator variance, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= FitOptions.Default;
        if (variance.Type == VarianceType.CR2)
        {
            throw new NotSupportedException("CR2 is not supported for logit/probit models; use CR1 (or CR0).");
        }

        var data = PreparedData.Prepare(y, [design], variance, options, scaleByWeights: false);
        var outcome = data.Y;
        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] is not (0 or 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The outcome '{options.OutcomeName}' must be 0 or 1; row {i} (of the rows used) is {outcome[i]}."), nameof(y));
            }
        }

        data.RequireVariation(options.OutcomeName);
        var x = data.Designs[0];
        NormalEquations.Factor(x, design.Names, data.RowCount, NormalEquations.InterceptIndex(design));
        Separation.CheckDummies(x, outcome, design, options.OutcomeName);

        var (beta, factor, logLikelihood, iterations, final) = Maximise(x, outcome, data.Weights, link, design.Names);
        Separation.CheckFittedProbabilities(x, beta, link, design.Names, options.OutcomeName);

        var input = new SandwichInput(new SandwichDesign(x, factor.Inverse(), factor.InverseFactor(), NormalReference: true, LeverageWeights: final.Weights), final.Multipliers, 1.0);
        var result = SandwichVariance.Compute(input, variance.Type, data.Clusters, data.ClusterCount);
        return new BinaryModelResult(options.OutcomeName, design, x, data.Weights, beta, result, variance, data, options.ConfidenceLevel, link, logLikelihood, iterations);
    }

    private static (double[] Beta, CheckedCholesky Information, double LogLikelihood, int Iterations, Evaluation Final) Maximise(
        IReadOnlyList<double[]> x, double[] y, double[]? weights, BinaryLink link, IReadOnlyList<string> names)
    {
        var k = x.Count;
        var beta = new double[k];
        var current = Evaluate(x, y, weights, beta, link);
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var information = Factor(current, link, beta, names);
            var step = information.Solve(current.Score);
            var decrement = current.Score.Select((s, j) => s * step[j]).Sum();
            var scale = 1.0;
            double[] candidate;
            Evaluation next;
            var halvings = 0;
            while (true)
            {
                candidate = beta.Select((b, j) => b + (scale * step[j])).ToArray();
                next = Evaluate(x, y, weights, candidate, link);
                if (next.LogLikelihood >= current.LogLikelihood - (1e-12 * Math.Abs(current.LogLikelihood)) || ++halvings > 50)
                {
                    break;
                }

                scale /= 2;
            }

            beta = candidate;
            current = next;
            if (decrement <= 1e-20 * (1 + Math.Abs(current.LogLikelihood)))
            {
                return (beta, Factor(current, link, beta, names), current.LogLikelihood, iteration, current);
            }
        }

        throw new DegenerateModelException(string.Create(
            CultureInfo.InvariantCulture, $"The {link} fit did not converge in {MaxIterations} iterations; the data are probably (quasi-)separated. Check the largest coefficients: {Largest(beta, names)}."));
    }

    private static CheckedCholesky Factor(Evaluation evaluation, BinaryLink link, double[] beta, IReadOnlyList<string> names) =>
        CheckedCholesky.TryFactor(evaluation.Information, out _)
        ?? throw new DegenerateModelException(string.Create(
            CultureInfo.InvariantCulture, $"The {link} information matrix became singular: fitted probabilities are numerically 0 or 1, i.e. the data are (quasi-)separated. Largest coefficients: {Largest(beta, names)}."));

    /// <summary>
    /// Log-likelihood, score X'(multipliers), information X'WX and the per-row score multipliers and working weights at
    /// <paramref name="beta"/>, each row counted with its prior weight.
    /// </summary>
    private static Evaluation Evaluate(IReadOnlyList<double[]> x, double[] y, double[]? priorWeights, double[] beta, BinaryLink link)
    {
        var eta = CrossProduct.Times(x, beta);
        var n = eta.Length;
        var multipliers = new double[n];
        var weights = new double[n];
        // Rows in fixed blocks, their sums added in block order: the log-likelihood decides step halving and convergence,
        // so its last bits must not depend on which thread finished first. A row's link evaluation (an exponential or a
        // normal tail, a logarithm) costs about as much as 16 multiply-adds, the unit SizedParallel weighs work in.
        var logLikelihood = SizedParallel.Sum(n, RowBlock, (long)n * RowWork, (start, end) =>
        {
            var local = 0.0;
            for (var i = start; i < end; i++)
            {
                var (l, s, w) = LinkFunction.Evaluate(link, eta[i], y[i]);
                var prior = priorWeights?[i] ?? 1.0;
                local += prior * l;
                multipliers[i] = prior * s;
                weights[i] = prior * w;
            }

            return local;
        });
        return new Evaluation(logLikelihood, CrossProduct.TransposeTimes(x, multipliers), CrossProduct.TransposeWeightedSelf(x, weights), multipliers, weights);
    }

    private sealed record Evaluation(double LogLikelihood, double[] Score, double[,] Information, double[] Multipliers, double[] Weights);

    internal static string Largest(IReadOnlyList<double> beta, IReadOnlyList<string> names) =>
        string.Join(", ", beta.Select((b, j) => (b, j)).OrderByDescending(p => Math.Abs(p.b)).Take(3)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"'{names[p.j]}' = {p.b:G4}")));
}
