namespace Research.Statistics.Regression;

/// <summary>
/// What a sandwich variance needs from a fitted model: the design side (<see cref="SandwichDesign"/>) and the scalar
/// score multiplier sᵢ of each row (score = xᵢsᵢ; the residual for least squares).
/// </summary>
/// <param name="Design">The design, bread and weights.</param>
/// <param name="Scores">Score multiplier per row.</param>
/// <param name="ClassicalScale">Factor of M for the classical variance (σ̂² for least squares, 1 for likelihood models).</param>
internal sealed record SandwichInput(SandwichDesign Design, double[] Scores, double ClassicalScale);
