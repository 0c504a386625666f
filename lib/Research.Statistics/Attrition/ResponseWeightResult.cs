using Research.Statistics.Regression;

namespace Research.Statistics.Attrition;

/// <summary>Inverse-probability-of-response weights and the response model they come from.</summary>
/// <param name="ResponseModel">The logit model of responding on the covariates.</param>
/// <param name="Probabilities">Fitted response probability p̂ᵢ of every individual (before any floor).</param>
/// <param name="Weights">Weight of every respondent; NaN for non-respondents, so a weighted fit with listwise deletion uses respondents only.</param>
/// <param name="TrimmedCount">Respondents whose weight was limited by the trimming rule.</param>
/// <param name="EffectiveSampleSize">Kish's (Σw)²/Σw² over the respondents.</param>
/// <param name="MaximumWeight">Largest weight after trimming.</param>
/// <param name="Options">The settings used.</param>
public sealed record ResponseWeightResult(
    BinaryModelResult ResponseModel,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<double> Weights,
    int TrimmedCount,
    double EffectiveSampleSize,
    double MaximumWeight,
    ResponseWeightOptions Options);
