using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>
/// Return to benefit after outflow: of the persons whose first month off benefit fell between month 1 and the main
/// horizon, the share who received benefit again within the next <see cref="WindowMonths"/> months, per arm and for all
/// arms together (the pooled row is what remains publishable when an arm's share rests on too few persons). It describes
/// the arms; it is not a randomised comparison, since who leaves the benefit may itself depend on the arm.
/// </summary>
public sealed class ReturnToBenefit
{
    /// <summary>The months after leaving in which a return counts.</summary>
    public const int WindowMonths = 6;

    private ReturnToBenefit(IReadOnlyList<BenefitReturn> returns) => Returns = returns;

    /// <summary>Per arm (design order), then all arms together.</summary>
    public IReadOnlyList<BenefitReturn> Returns { get; }

    /// <summary>Counts the returns.</summary>
    public static ReturnToBenefit Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var panel = context.Panel;
        var horizon = context.Experiment.PrimaryHorizonMonths;
        var left = new Dictionary<string, (int Left, int Returned)>(StringComparer.Ordinal);
        foreach (var p in context.Persons)
        {
            var first = Enumerable.Range(1, horizon).FirstOrDefault(m => panel.IsObserved(p, m) && panel.Value(Outcome.BenefitIndependence, p, m) == 1);
            if (first == 0 || !panel.IsObserved(p, first + WindowMonths))
            {
                continue;
            }

            var back = Enumerable.Range(first + 1, WindowMonths).Any(m => panel.Value(Outcome.BenefitIndependence, p, m) == 0);
            var arm = panel.Arm[p];
            var (l, r) = left.GetValueOrDefault(arm);
            left[arm] = (l + 1, r + (back ? 1 : 0));
        }

        var arms = context.DesignArms.Select(a =>
        {
            var (l, r) = left.GetValueOrDefault(a.Code);
            return new BenefitReturn(a, l, r);
        }).ToList();
        return new ReturnToBenefit([.. arms, new BenefitReturn(null, arms.Sum(a => a.Left), arms.Sum(a => a.Returned))]);
    }
}
