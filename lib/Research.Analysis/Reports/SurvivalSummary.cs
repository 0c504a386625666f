using Research.Data.Design;
using Research.Statistics.Survival;

namespace Research.Analysis.Reports;

/// <summary>The Kaplan–Meier curve of the time to a first outflow in one arm.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Curve">The curve (survival = not yet out).</param>
/// <param name="FollowUpMonths">Where times are censored.</param>
public sealed record SurvivalSummary(ExperimentArm Arm, ReportOutcome Outcome, SurvivalCurve Curve, int FollowUpMonths)
{
    /// <summary>The median time to a first outflow with its 95% limits (null where not reached).</summary>
    public SurvivalQuantile Median => Curve.Median;

    /// <summary>Persons with a first outflow within the follow-up.</summary>
    public int Events => Curve.EventCount;

    /// <summary>Persons in the arm.</summary>
    public int N => Curve.Count;

    /// <summary>
    /// The points of the curve that may be published (coarsening, as disclosure control asks): the months by which at
    /// least <paramref name="minimumCount"/> more persons have had a first outflow than at the previous point, while at
    /// least that many have had none yet; the last point also leaves at least that many (or no) outflows until the end of
    /// the follow-up, so that the published number of outflows does not reveal a small last step. Joined by lines from
    /// (0, 0), the points show the curve without revealing small steps.
    /// </summary>
    public IReadOnlyList<CurvePoint> PublishablePoints(int minimumCount)
    {
        var points = new List<(CurvePoint Point, int Events)>();
        var events = 0;
        var published = 0;
        foreach (var step in Curve.Steps.Where(s => s.Time >= 1 && s.Time <= FollowUpMonths))
        {
            events += step.Events;
            if (events - published >= minimumCount && N - events >= minimumCount && step.AtRisk - step.Events >= minimumCount)
            {
                points.Add((new CurvePoint(Arm, Outcome, (int)step.Time, 1 - step.Survival, step.Upper is { } u ? 1 - u : null, step.Lower is { } l ? 1 - l : null, N, FollowUpMonths), events));
                published = events;
            }
        }

        while (points.Count > 0 && Events - points[^1].Events is > 0 and var rest && rest < minimumCount)
        {
            points.RemoveAt(points.Count - 1);
        }

        return [.. points.Select(p => p.Point)];
    }
}
