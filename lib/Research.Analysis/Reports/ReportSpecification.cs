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
}
