namespace Research.Statistics.Regression;

/// <summary>
/// The design side of a sandwich variance, everything but the scores: the (√w-scaled) design whose rows xᵢ enter the
/// bread, the bread M and a factor F with M = FF'. One design serves many outcomes (see <see cref="SandwichVariance"/>).
/// </summary>
/// <param name="Columns">Design columns (n each).</param>
/// <param name="Bread">M = (X'WX)⁻¹.</param>
/// <param name="BreadFactor">F with M = FF'.</param>
/// <param name="NormalReference">True when inference uses the normal distribution (likelihood models).</param>
/// <param name="Weights">Observation weights wᵢ the columns and scores were scaled by √wᵢ, or null (CR2 needs the original scale).</param>
/// <param name="LeverageWeights">Working weights vᵢ of a likelihood model, whose hat values are vᵢxᵢ'Mxᵢ (as R's
/// <c>hatvalues</c> on a glm); null for least squares.</param>
internal sealed record SandwichDesign(
    IReadOnlyList<double[]> Columns,
    double[,] Bread,
    double[,] BreadFactor,
    bool NormalReference,
    double[]? Weights = null,
    double[]? LeverageWeights = null)
{
    public int RowCount => Columns[0].Length;

    public int ColumnCount => Columns.Count;
}
