namespace Research.Analysis.Inference;

/// <summary>Which effect of an arm is estimated.</summary>
public enum Estimand
{
    /// <summary>The intention-to-treat effect: assignment to the arm against control.</summary>
    IntentionToTreat,

    /// <summary>
    /// The effect on those who took up the intervention (take-up is one-sided: nobody in control can take up):
    /// the Lin-adjusted ITT over the Lin-adjusted take-up difference (the Wald / TOT estimator).
    /// </summary>
    EffectOnTreated,
}
