using System.Globalization;
using Research.Statistics.Regression;

namespace Research.Statistics.Adjustment;

/// <summary>A fitted Lin (2013) interacted regression: the design it was fitted on and the model.</summary>
/// <param name="Design">The interacted design with the rows used, centring means and notes.</param>
/// <param name="Model">The least-squares fit with the chosen variance estimator.</param>
public sealed record LinFit(LinDesign Design, LinearModelResult Model)
{
    /// <summary>The covariate-adjusted effect of every treatment arm against control, in column order.</summary>
    public IReadOnlyList<Coefficient> Effects => Design.TreatmentColumns.Select(c => Model[c]).ToArray();

    /// <summary>The adjusted effect of one arm, e.g. <c>fit.Effect("B")</c> for the column <c>arm[B]</c>.</summary>
    public Coefficient Effect(string arm) => Model[string.Create(CultureInfo.InvariantCulture, $"{Design.TreatmentName}[{arm}]")];

    /// <inheritdoc />
    public override string ToString() =>
        "Lin (2013) interacted adjustment" + Environment.NewLine + Model
        + string.Concat(Design.Notes.Select(n => "Note: " + n + Environment.NewLine));
}
