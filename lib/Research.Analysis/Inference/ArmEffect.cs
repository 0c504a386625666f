using Research.Data.Design;

namespace Research.Analysis.Inference;

/// <summary>One arm's effect against control on one outcome, under the chosen inference method.</summary>
public sealed record ArmEffect
{
    /// <summary>The treatment arm.</summary>
    public required ExperimentArm Arm { get; init; }

    /// <summary>ITT or effect on the treated.</summary>
    public required Estimand Estimand { get; init; }

    /// <summary>The inference method of <see cref="Effect"/>.</summary>
    public required InferenceMethod Method { get; init; }

    /// <summary>Lin-adjusted estimate with the method's standard error, interval and p-value: the reported result.</summary>
    public required IntervalEstimate Effect { get; init; }

    /// <summary>The same estimate with HC2 (heteroskedasticity-robust, not clustered) inference, for comparison.</summary>
    public required IntervalEstimate Robust { get; init; }

    /// <summary>
    /// The unadjusted difference in means (ITT) or Wald ratio (effect on the treated), with CR2 inference when the
    /// method clusters and HC2 otherwise: the robustness result; null when not requested.
    /// </summary>
    public IntervalEstimate? Unadjusted { get; init; }

    /// <summary>The effect against the smallest effect of policy interest, at α = 1 − confidence level.</summary>
    public required EquivalenceAssessment Equivalence { get; init; }

    /// <summary>The HC2 result against the same margin (what <see cref="ReportedEquivalence"/> is when HC2 is reported).</summary>
    public required EquivalenceAssessment RobustEquivalence { get; init; }

    /// <summary>Persons of the arm with the outcome observed.</summary>
    public required int ArmCount { get; init; }

    /// <summary>Persons of the control arm with the outcome observed.</summary>
    public required int ControlCount { get; init; }

    /// <summary>The outcome's mean in the control arm (weighted when the data are).</summary>
    public required double ControlMean { get; init; }

    /// <summary>The share of the arm's persons (outcome observed) who took up the intervention.</summary>
    public required double TakeUp { get; init; }

    /// <summary>Remarks: dropped covariates, unbounded or non-interval confidence sets, few clusters.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>
    /// True when the method clusters by caseworker and its interval is narrower than the HC2 interval: clustering
    /// should not make an interval narrower, so the report flags it rather than silently preferring the narrower one.
    /// </summary>
    public bool ClusteredNarrowerThanRobust =>
        Method is InferenceMethod.Cr2 or InferenceMethod.WildClusterBootstrap && Effect.Width < Robust.Width;

    /// <summary>
    /// What the reports print (<c>docs/inference.md</c>, section 4): the method's result, or the HC2 result where the
    /// clustered interval is narrower (<see cref="ClusteredNarrowerThanRobust"/>, which the report flags), so that
    /// clustering never makes a published interval narrower.
    /// </summary>
    public IntervalEstimate Reported => ClusteredNarrowerThanRobust ? Robust : Effect;

    /// <summary>The equivalence conclusion of <see cref="Reported"/>.</summary>
    public EquivalenceAssessment ReportedEquivalence => ClusteredNarrowerThanRobust ? RobustEquivalence : Equivalence;
}
