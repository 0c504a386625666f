using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>One row of a forest plot.</summary>
/// <param name="Label">Study label, or the model name for the pooled row.</param>
/// <param name="Estimate">Point estimate.</param>
/// <param name="ConfidenceInterval">For a study the normal-theory interval yᵢ ± z·√vᵢ (as metafor's forest plot); for the pooled row the model's interval.</param>
/// <param name="WeightPercent">Weight in the pooled estimate, percent (100 for the pooled row).</param>
public sealed record ForestPlotRow(string Label, double Estimate, Interval ConfidenceInterval, double WeightPercent)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Label}: {Estimate:G4} {ConfidenceInterval} weight {WeightPercent:0.##}%");
}
