using System.Globalization;
using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>A fitted logit or probit model. Inference uses the standard normal.</summary>
public sealed class BinaryModelResult : ModelFit
{
    private readonly IReadOnlyList<double[]> _columns;
    private readonly IReadOnlyList<DesignTerm> _terms;
    private readonly double[]? _weights;

    internal BinaryModelResult(
        string outcome, DesignMatrix design, IReadOnlyList<double[]> columns, double[]? weights, double[] estimates, VarianceResult variance, VarianceEstimator estimator,
        PreparedData data, double level, BinaryLink link, double logLikelihood, int iterations)
        : base(outcome, design.Names, estimates, variance, estimator, data, level)
    {
        _columns = columns;
        _terms = design.Terms;
        _weights = weights;
        Link = link;
        LogLikelihood = logLikelihood;
        Iterations = iterations;
    }

    /// <summary>The link.</summary>
    public BinaryLink Link { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood { get; }

    /// <summary>Deviance, −2 × log-likelihood (binary outcomes have a saturated log-likelihood of 0).</summary>
    public double Deviance => -2 * LogLikelihood;

    /// <summary>Fisher-scoring iterations used.</summary>
    public int Iterations { get; }

    /// <summary>
    /// Average marginal effects with delta-method standard errors under this fit's variance: for each dummy of a
    /// treatment or categorical term the average discrete change from the reference level (the term's other dummies
    /// set to 0), for each numeric covariate the average derivative. Fixed-effect dummies are nuisance terms and are
    /// not reported. With weights the averages are weighted.
    /// </summary>
    public MarginalEffects AverageMarginalEffects() => MarginalEffectsCalculator.Compute(this, _columns, _weights, _terms, Covariance());

    private protected override IEnumerable<string> Header()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"{Link} model for {Outcome}: log-likelihood = {LogLikelihood:F4}, iterations = {Iterations}");
    }
}
