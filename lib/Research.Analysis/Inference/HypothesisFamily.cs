using Research.Statistics.Multiplicity;

namespace Research.Analysis.Inference;

/// <summary>
/// The primary hypotheses of all arms, one per arm (the Kamerbrief's primary outcome at the main horizon), corrected
/// together so that the chance of declaring any zero effect significant is at most α. The 95% intervals are not
/// adjusted; the adjusted p-values are, and a report says so.
/// </summary>
/// <param name="Correction">The procedure.</param>
/// <param name="Alpha">The family-wise error rate controlled.</param>
/// <param name="Decisions">One decision per arm, in design order.</param>
public sealed record HypothesisFamily(MultiplicityCorrection Correction, double Alpha, IReadOnlyList<FamilyDecision> Decisions)
{
    /// <summary>Whether any hypothesis of the family is rejected.</summary>
    public bool AnyRejected => Decisions.Any(d => d.Rejected);

    /// <summary>Holm's correction across the arms of <paramref name="primary"/> at level <paramref name="alpha"/>.</summary>
    public static HypothesisFamily Holm(ArmEffects primary, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var p = primary.Arms.Select(a => a.Effect.PValue).ToList();
        var adjusted = PValueAdjustment.Holm(p);
        return new HypothesisFamily(MultiplicityCorrection.Holm, alpha, primary.Arms.Select((a, i) => new FamilyDecision(a.Arm, p[i], adjusted[i], adjusted[i] <= alpha)).ToList());
    }
}
