using Research.Statistics.Attrition;

namespace Research.Analysis.Inference;

/// <summary>One survey outcome's effects under attrition, three ways.</summary>
/// <param name="CompleteCase">Respondents only, unweighted: valid if response is unrelated to the outcome given the covariates and arm, and equally so in every arm.</param>
/// <param name="Weighted">Respondents weighted by their inverse probability of responding, modelled on register data everyone has: valid if response is ignorable given those.</param>
/// <param name="Bounds">Lee bounds per arm: valid without modelling response, if assignment moves response in one direction only.</param>
/// <param name="Response">The response model and the weights.</param>
public sealed record AttritionEstimates(ArmEffects CompleteCase, ArmEffects Weighted, IReadOnlyList<ArmBounds> Bounds, ResponseWeightResult Response);
