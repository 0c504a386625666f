namespace Research.Statistics.Survival;

/// <summary>The survival curve of one group (e.g. one experimental arm).</summary>
/// <param name="Group">Group label.</param>
/// <param name="Curve">Its Kaplan–Meier curve.</param>
public sealed record GroupSurvivalCurve(string Group, SurvivalCurve Curve)
{
    /// <inheritdoc />
    public override string ToString() => Group + ": " + Curve;
}
