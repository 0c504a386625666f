using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;

namespace Research.Analysis.Reports;

/// <summary>
/// The effect path: the intention-to-treat effect month by month, from 12 months before randomisation (where a true
/// effect must be zero, so the pre-randomisation months check that the arms started alike) to the last month every
/// register reaches. The estimates are differences in shares within strata, without the baseline adjustment (which would
/// use the pre-randomisation months themselves), with the specification's primary inference method.
/// </summary>
public sealed class EffectPaths
{
    private EffectPaths(InferenceMethod method, IReadOnlyList<EffectPathPoint> points, IReadOnlyList<string> notes)
    {
        Method = method;
        Points = points;
        Notes = notes;
    }

    /// <summary>The inference method of the intervals.</summary>
    public InferenceMethod Method { get; }

    /// <summary>The effects by outcome, month and arm.</summary>
    public IReadOnlyList<EffectPathPoint> Points { get; }

    /// <summary>Months that could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Estimates the path of every register outcome.</summary>
    public static EffectPaths Compute(ReportContext context, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        specification = (specification ?? EffectSpecification.Default).Validated();
        var path = new EffectSpecification(Adjustment.Unadjusted, [specification.Primary], specification.Primary);
        var reach = context.Persons.Min(p => context.Panel.LastObservedMonth[p]);
        var points = new List<EffectPathPoint>();
        var estimation = new Estimation();
        var notes = new List<string>();
        var control = context.Experiment.Control.Code;
        foreach (var outcome in ReportOutcome.All)
        {
            var constant = new List<int>();
            for (var month = context.Panel.FirstMonth; month <= reach; month++)
            {
                var y = PrimaryOutcomes.ByPanel(context, context.Panel.At(outcome.Outcome, month, Coverage.ExcludeUncovered));
                var sample = EffectSample.Create(context, p => y[p], null, string.Create(CultureInfo.InvariantCulture, $"{outcome.Short} in month {month}"));
                if (sample.Y.Count == 0 || sample.Y.All(v => v == sample.Y[0]))
                {
                    // Nobody (or everybody) is in the status: the difference is zero by definition and has no standard error.
                    constant.Add(month);
                    continue;
                }

                var effects = EffectEstimator.ArmEffects(sample, path, estimation);
                points.AddRange(context.Experiment.TreatmentArms.Select((arm, a) => new EffectPathPoint(arm, outcome, month, sample.Count(arm.Code), sample.Count(control), effects[a])));
            }

            if (constant.Count > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{outcome.Label}: no effect is estimated in month(s) {Ranges(constant)}, where everyone had the same status."));
            }
        }

        return new EffectPaths(specification.Primary, points, [.. notes, .. estimation.Notes]);
    }

    private static string Ranges(IReadOnlyList<int> months)
    {
        var parts = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var start = months[i];
            while (i + 1 < months.Count && months[i + 1] == months[i] + 1)
            {
                i++;
            }

            parts.Add(start == months[i] ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start} to {months[i]}"));
        }

        return string.Join(", ", parts);
    }
}
