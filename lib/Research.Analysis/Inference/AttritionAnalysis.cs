using System.Globalization;
using Research.Statistics.Attrition;
using Research.Statistics.Design;

namespace Research.Analysis.Inference;

/// <summary>
/// Effects on a survey outcome when many do not respond: complete cases, inverse-probability response weights and Lee
/// bounds, all from the same <see cref="EffectData"/> as the register effects. The response model is a logit of
/// responding on the arm, the prognostic covariates and whether the person was off benefit in the survey month — register
/// data that exist for everyone; the weights are stabilised and not trimmed.
/// </summary>
public static class AttritionAnalysis
{
    /// <summary>Estimates the three.</summary>
    /// <param name="data">The outcome (NaN for non-respondents) for every person randomised, without weights.</param>
    /// <param name="offBenefitAtWave">1 when the person was off benefit in the month of the wave, else 0, per person of <paramref name="data"/>.</param>
    /// <param name="options">The effect options; a resampling method is replaced by its sandwich counterpart for the weighted estimate (CR2 for the wild bootstrap, HC2 for randomisation inference), since those methods take no weights.</param>
    /// <exception cref="ArgumentException">Weights already present, or a status vector of the wrong length.</exception>
    public static AttritionEstimates Estimate(EffectData data, IReadOnlyList<double> offBenefitAtWave, EffectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(offBenefitAtWave);
        options ??= EffectOptions.Default;
        if (data.Weights is not null)
        {
            throw new ArgumentException($"{data.OutcomeName}: pass unweighted data; the response weights are estimated here.", nameof(data));
        }

        if (offBenefitAtWave.Count != data.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{offBenefitAtWave.Count} statuses for {data.Count} persons."), nameof(offBenefitAtWave));
        }

        var responded = data.Outcome.Select(v => !double.IsNaN(v)).ToArray();
        var covariates = data.Covariates.Design(data.Arms);
        var builder = new DesignBuilder(data.Count).Intercept()
            .Treatment("arm", data.Arms.Select(a => a.Code).ToArray(), data.Experiment.Control.Code, data.Experiment.Arms.Select(a => a.Code).ToArray())
            .Numeric("off_benefit", offBenefitAtWave);
        for (var j = 0; j < covariates.ColumnCount; j++)
        {
            builder = builder.Numeric(covariates.Names[j], covariates.Column(j).ToArray());
        }

        var response = ResponseWeights.Estimate(responded, builder.Build());
        var weightedMethod = options.Method switch
        {
            InferenceMethod.WildClusterBootstrap => InferenceMethod.Cr2,
            InferenceMethod.Randomisation => InferenceMethod.Hc2,
            _ => options.Method,
        };
        var completeCase = EffectEstimator.Itt(data, options);
        var weighted = EffectEstimator.Itt(data with { Weights = response.Weights }, options with { Method = weightedMethod });
        var bounds = data.Experiment.TreatmentArms.Select(arm =>
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => data.Arms[i] == arm || data.Arms[i] == data.Experiment.Control).ToList();
            return new ArmBounds(arm, LeeBounds.Estimate(rows.Select(i => data.Outcome[i]).ToArray(), rows.Select(i => data.Arms[i] == arm).ToArray(), options.ConfidenceLevel));
        }).ToList();
        return new AttritionEstimates(completeCase, weighted, bounds, response);
    }
}
