namespace Research.Statistics.Regression;

/// <summary>
/// What a sandwich variance needs from a fitted model: the (√w-scaled) design whose rows xᵢ enter the bread, the
/// scalar score multiplier sᵢ of each row (score = xᵢsᵢ; the residual for least squares), the bread M and a
/// factor F with M = FF'.
/// </summary>
/// <param name="Columns">Design columns (n each).</param>
/// <param name="Scores">Score multiplier per row.</param>
/// <param name="Bread">M = (X'WX)⁻¹.</param>
/// <param name="BreadFactor">F with M = FF'.</param>
/// <param name="ClassicalScale">Factor of M for the classical variance (σ̂² for least squares, 1 for likelihood models).</param>
/// <param name="NormalReference">True when inference uses the normal distribution (likelihood models).</param>
/// <param name="Weights">Observation weights wᵢ the columns and scores were scaled by √wᵢ, or null (CR2 needs the original scale).</param>
/// <param name="LeverageWeights">Working weights vᵢ of a likelihood model, whose hat values are vᵢxᵢ'Mxᵢ (as R's
/// <c>hatvalues</c> on a glm); null for least squares.</param>
internal sealed record SandwichInput(
    IReadOnlyList<double[]> Columns,
    double[] Scores,
    double[,] Bread,
    double[,] BreadFactor,
    double ClassicalScale,
    bool NormalReference,
    double[]? Weights = null,
    double[]? LeverageWeights = null)
{
    public int RowCount => Scores.Length;

    public int ColumnCount => Columns.Count;
}
