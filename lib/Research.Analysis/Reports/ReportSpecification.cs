using Research.Analysis.Disclosure;
using Research.Analysis.Effects;

namespace Research.Analysis.Reports;

/// <summary>The choices a municipal report is made with: how effects are estimated and how tables are protected.</summary>
/// <param name="Effects">Adjustment and inference methods of every effect.</param>
/// <param name="Disclosure">The disclosure control every published table passes.</param>
public sealed record ReportSpecification(EffectSpecification Effects, DisclosureControl Disclosure)
{
    /// <summary>The reports' specification.</summary>
    public static ReportSpecification Default { get; } = new(EffectSpecification.Default, DisclosureControl.Cbs);

    /// <summary>
    /// The same specification with the smallest effect of policy interest set to <paramref name="percentagePoints"/>
    /// (the notebook parameter <c>smallest_effect_pp</c>; default 3).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public ReportSpecification WithSmallestEffect(double percentagePoints)
    {
        var options = Effects.Options with { SmallestEffectOfInterest = percentagePoints / 100 };
        options.Validate();
        return this with { Effects = Effects with { Options = options } };
    }
}
