namespace Research.Scales.Instruments;

/// <summary>
/// A classification rule on raw answers, e.g. Gallup thriving (present ≥ 7 and future ≥ 8) or the WHO-5 advice to
/// use a depression inventory when any item is 0 or 1.
/// </summary>
/// <param name="Label">The label when the rule holds.</param>
/// <param name="Conditions">The conditions.</param>
/// <param name="RequireAll">True: every condition must hold ("all"); false: at least one ("any").</param>
public sealed record BandRule(string Label, IReadOnlyList<ItemCondition> Conditions, bool RequireAll)
{
    /// <summary>Whether the rule holds for the raw answers given by <paramref name="answer"/> (column → valid answer).</summary>
    public bool Holds(Func<string, int> answer) =>
        RequireAll ? Conditions.All(c => c.IsMetBy(answer(c.Column))) : Conditions.Any(c => c.IsMetBy(answer(c.Column)));
}
