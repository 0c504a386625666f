using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Attrition;

/// <summary>
/// Inverse-probability weighting for survey response: a logit model of responding on covariates observed for everyone
/// (register data, arm, strata), and weights 1/p̂ᵢ for the respondents, optionally stabilised and trimmed. The weights
/// then go into an ordinary weighted fit, e.g. with HC2 or CR2 standard errors:
/// <code>
/// var ipw = ResponseWeights.Estimate(responded, registerCovariates);
/// var fit = LinearModel.Fit(wellbeing, design, VarianceEstimator.CR2(caseworker),
///     new FitOptions { Weights = ipw.Weights, MissingValues = MissingValuePolicy.ListwiseDeletion });
/// </code>
/// </summary>
/// <remarks>
/// What the standard error of the weighted fit accounts for: heteroskedasticity (HC2) or clustering (CR2) given the
/// weights. What it does not: that the weights are estimated. Treating estimated propensity weights as known is
/// typically conservative for the weighted mean when the response model is correctly specified (Hirano, Imbens &amp;
/// Ridder 2003; Lunceford &amp; Davidian 2004), but not guaranteed to be; trimming adds a bias that no SE reflects.
/// Identification rests on response being ignorable given the covariates (missing at random); Lee bounds
/// (<see cref="LeeBounds"/>) need no such assumption.
/// </remarks>
public static class ResponseWeights
{
    /// <summary>Fits the response model and computes the weights.</summary>
    /// <param name="responded">True for those whose outcome was observed.</param>
    /// <param name="covariates">The response model's design (with intercept), observed for everyone.</param>
    /// <param name="options">Stabilisation and trimming.</param>
    /// <exception cref="ArgumentException">Lengths differ, missing covariates, a threshold outside its range.</exception>
    /// <exception cref="DegenerateModelException">The response model separates (e.g. a covariate that perfectly predicts response).</exception>
    public static ResponseWeightResult Estimate(IReadOnlyList<bool> responded, DesignMatrix covariates, ResponseWeightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(responded);
        ArgumentNullException.ThrowIfNull(covariates);
        options ??= ResponseWeightOptions.Default;
        Validate(options);
        var n = responded.Count;
        var model = BinaryModel.Logit(responded.Select(r => r ? 1.0 : 0.0).ToArray(), covariates, VarianceEstimator.Classical, new FitOptions { OutcomeName = "responded" });
        var probabilities = new double[n];
        for (var i = 0; i < n; i++)
        {
            var eta = 0.0;
            for (var j = 0; j < covariates.ColumnCount; j++)
            {
                eta += covariates.Columns[j][i] * model.Estimates[j];
            }

            probabilities[i] = 1 / (1 + Math.Exp(-eta));
        }

        var rate = responded.Count(r => r) / (double)n;
        var numerator = options.Stabilised ? rate : 1.0;
        var floor = options.Trimming == WeightTrimming.ProbabilityFloor ? options.TrimmingThreshold : 0;
        var weights = new double[n];
        var trimmed = 0;
        for (var i = 0; i < n; i++)
        {
            weights[i] = double.NaN;
            if (responded[i])
            {
                trimmed += probabilities[i] < floor ? 1 : 0;
                weights[i] = numerator / Math.Max(probabilities[i], floor);
            }
        }

        if (options.Trimming == WeightTrimming.Quantile)
        {
            var cap = Quantile(weights.Where(w => !double.IsNaN(w)).ToArray(), options.TrimmingThreshold);
            for (var i = 0; i < n; i++)
            {
                if (weights[i] > cap)
                {
                    weights[i] = cap;
                    trimmed++;
                }
            }
        }

        var used = weights.Where(w => !double.IsNaN(w)).ToArray();
        var effective = used.Sum() * used.Sum() / used.Sum(w => w * w);
        return new ResponseWeightResult(model, probabilities, weights, trimmed, effective, used.Max(), options);
    }

    private static void Validate(ResponseWeightOptions options)
    {
        var ok = options.Trimming switch
        {
            WeightTrimming.None => true,
            WeightTrimming.Quantile => options.TrimmingThreshold is > 0.5 and < 1,
            WeightTrimming.ProbabilityFloor => options.TrimmingThreshold is > 0 and < 0.5,
            _ => false,
        };
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(nameof(options), string.Create(CultureInfo.InvariantCulture,
                $"Trimming {options.Trimming} with threshold {options.TrimmingThreshold}: a quantile must lie in (0.5, 1), a probability floor in (0, 0.5)."));
        }
    }

    /// <summary>R's default (type 7) sample quantile.</summary>
    private static double Quantile(double[] values, double probability)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * probability;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
