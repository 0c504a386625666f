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
    public bool Holds(Func<string, int> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);

        // By index, without an enumerator: a scheme is applied to every respondent of every wave.
        for (var i = 0; i < Conditions.Count; i++)
        {
            var met = Conditions[i].IsMetBy(answer(Conditions[i].Column));
            if (met != RequireAll)
            {
                return met;
            }
        }

        return RequireAll;
    }
}
